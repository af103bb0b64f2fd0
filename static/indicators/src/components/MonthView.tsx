// A computed month: the header (project, month, snapshot, settings, actions), what to know before reading the
// figures (month in progress, warnings), the six-month trend and the indicator table.
import type { IndicatorsView, MonthlyReport } from '../../../../src/contract';
import { Alert } from '../../../shared/src/components/Alert';
import { displayInstant } from '../../../shared/src/format';
import { useLang } from '../../../shared/src/i18n/react';
import { useT } from '../i18n';
import type { ActionState } from '../useIndicators';
import { ActionError } from './ActionError';
import { GadgetHeader } from './GadgetHeader';
import { IndicatorTable } from './IndicatorTable';
import { ReportWarnings } from './ReportWarnings';
import { TrendChart } from './TrendChart';

export type MonthViewProps = {
  readonly view: IndicatorsView;
  readonly report: MonthlyReport;
  readonly action: ActionState;
  /** A new computation is under way: the figures shown are the previous snapshot's. */
  readonly computing: boolean;
  readonly onRefresh: () => void;
  readonly onExport: (format: 'csv' | 'json') => void;
};

export const MonthView = ({ view, report, action, computing, onRefresh, onExport }: MonthViewProps) => {
  const t = useT();
  const lang = useLang();
  return (
    <article className="csla-month" aria-labelledby="csla-month-title">
      <GadgetHeader
        view={view}
        report={report}
        action={action}
        computing={computing}
        onRefresh={onRefresh}
        onExport={onExport}
      />
      <ActionError action={action} />
      {!report.complete ? (
        <Alert
          tone="information"
          title={t('report.incomplete', { at: displayInstant(report.at, lang) })}
          testId="incomplete"
        />
      ) : null}
      <ReportWarnings warnings={report.warnings} />
      <TrendChart trend={view.trend} figures={report.figures} />
      <IndicatorTable figures={report.figures} unit={report.rules.unit} />
      <p className="csla-help">{t('report.rules')}</p>
    </article>
  );
};
