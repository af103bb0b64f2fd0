// The panel once the view is loaded: status, qualification, notices, one card per clock, and when it was computed.
import type { IssueSlaPanelView } from '../../../../src/contract';
import { displayInstant } from '../../../shared/src/format';
import { useLang } from '../../../shared/src/i18n/react';
import { useT } from '../i18n';
import { ClockCard } from './ClockCard';
import { Notices } from './Notices';
import { Qualification } from './Qualification';
import { StatusBadge } from './StatusBadge';
import { WarningsSent } from './WarningsSent';

export type SlaPanelProps = {
  readonly view: IssueSlaPanelView;
  readonly refreshing: boolean;
  readonly onRefresh: () => void;
};

const CLOCK_ORDER = { workaround: 0, resolution: 1 } as const;

export const SlaPanel = ({ view, refreshing, onRefresh }: SlaPanelProps) => {
  const t = useT();
  const lang = useLang();
  const clocks = [...view.issue.clocks].sort((a, b) => CLOCK_ORDER[a.id] - CLOCK_ORDER[b.id]);
  return (
    <main className="csla-panel" aria-busy={refreshing}>
      <header className="csla-panel__header">
        <h2>{t('panel.title')}</h2>
        <StatusBadge status={view.slaStatus} />
      </header>
      {view.nextDueAt !== null ? (
        <p data-testid="next-due">{t('panel.nextDue', { at: displayInstant(view.nextDueAt, lang) })}</p>
      ) : null}
      <Qualification issue={view.issue} />
      <Notices warnings={view.issue.warnings} errors={view.issue.errors} />
      {clocks.length === 0 ? (
        <p className="csla-muted">{t('panel.noClocks')}</p>
      ) : (
        <div className="csla-clocks">
          {clocks.map((clock) => (
            <ClockCard key={clock.id} clock={clock} />
          ))}
        </div>
      )}
      <WarningsSent warnings={view.warningsSent ?? []} />
      <footer className="csla-panel__footer">
        <small className="csla-muted" data-testid="computed-at">
          {t('panel.computedAt', { at: displayInstant(view.computedAt, lang), version: view.settingsVersion })}
        </small>
        <button type="button" onClick={onRefresh} disabled={refreshing} data-testid="refresh">
          {refreshing ? t('panel.refreshing') : t('panel.refresh')}
        </button>
      </footer>
    </main>
  );
};
