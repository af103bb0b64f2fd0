// Which month of which project, when the snapshot was taken and with which settings; « Recalculer » and the exports.
import type { IndicatorsView, MonthlyReport } from '../../../../src/contract';
import { displayInstant, formatMonth } from '../../../shared/src/format';
import { useLang } from '../../../shared/src/i18n/react';
import { useT } from '../i18n';
import type { ActionState } from '../useIndicators';

export type GadgetHeaderProps = {
  readonly view: IndicatorsView;
  readonly report: MonthlyReport;
  readonly action: ActionState;
  readonly computing: boolean;
  readonly onRefresh: () => void;
  readonly onExport: (format: 'csv' | 'json') => void;
};

export const GadgetHeader = ({ view, report, action, computing, onRefresh, onExport }: GadgetHeaderProps) => {
  const t = useT();
  const lang = useLang();
  const busy = action.kind === 'busy' ? action.action : null;
  const project = view.configuration?.projectKey ?? t('value.none');
  const month = formatMonth(view.month ?? report.month, lang);
  return (
    <header className="csla-month__header">
      <div className="csla-month__title">
        <h2 id="csla-month-title" data-testid="month-title">
          {t('header.title', { project, month })}
        </h2>
        <p className="csla-muted">
          {view.snapshotAt !== null ? (
            <span data-testid="snapshot-at">{t('header.snapshot', { at: displayInstant(view.snapshotAt, lang) })}</span>
          ) : null}
          {view.snapshotAt !== null && view.settingsVersion !== null ? ' · ' : null}
          {view.settingsVersion !== null ? (
            <span data-testid="settings-version">{t('header.settings', { version: view.settingsVersion })}</span>
          ) : null}
        </p>
      </div>
      <div className="csla-month__actions">
        <button type="button" data-testid="refresh" onClick={onRefresh} disabled={busy !== null || computing}>
          {busy === 'refresh' ? t('header.busy') : t('header.refresh')}
        </button>
        <button
          type="button"
          data-testid="export-csv"
          aria-label={t('header.exportCsvLabel')}
          onClick={() => onExport('csv')}
          disabled={busy !== null}
        >
          {t('header.exportCsv')}
        </button>
        <button
          type="button"
          data-testid="export-json"
          aria-label={t('header.exportJsonLabel')}
          onClick={() => onExport('json')}
          disabled={busy !== null}
        >
          {t('header.exportJson')}
        </button>
      </div>
    </header>
  );
};
