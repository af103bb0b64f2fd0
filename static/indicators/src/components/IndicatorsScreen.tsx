// The gadget's view: the state of the month's snapshot as the server reports it (not configured, computing,
// failed, ready), with the actions each state allows.
import type { IndicatorsView } from '../../../../src/contract';
import { Alert } from '../../../shared/src/components/Alert';
import { Loading } from '../../../shared/src/components/Loading';
import { describeError } from '../../../shared/src/reply';
import { useT } from '../i18n';
import { useIndicators, type ActionState } from '../useIndicators';
import { ActionError } from './ActionError';
import { ComputingProgress } from './ComputingProgress';
import { MonthView } from './MonthView';

type Handlers = {
  readonly action: ActionState;
  readonly onRefresh: () => void;
  readonly onExport: (format: 'csv' | 'json') => void;
};

const ViewOf = ({ view, action, onRefresh, onExport }: { readonly view: IndicatorsView } & Handlers) => {
  const t = useT();
  const busy = action.kind === 'busy';
  switch (view.state) {
    case 'not-configured':
      return (
        <Alert tone="information" title={t('notConfigured.title')} testId="not-configured">
          <p>{t('notConfigured.text')}</p>
        </Alert>
      );
    case 'computing':
      return (
        <>
          <ComputingProgress progress={view.progress} />
          {view.report !== null ? (
            <>
              <p className="csla-muted">{t('progress.previous')}</p>
              <MonthView
                view={view}
                report={view.report}
                action={action}
                computing
                onRefresh={onRefresh}
                onExport={onExport}
              />
            </>
          ) : null}
        </>
      );
    case 'failed':
      return (
        <Alert tone="danger" title={t('failed.title')} detail={view.error} testId="error">
          <button type="button" data-testid="refresh" onClick={onRefresh} disabled={busy}>
            {t('failed.retry')}
          </button>
          <ActionError action={action} />
        </Alert>
      );
    case 'ready':
      if (view.report === null)
        return (
          <Alert tone="danger" title={t('report.missing')} testId="error">
            <button type="button" data-testid="refresh" onClick={onRefresh} disabled={busy}>
              {t('failed.retry')}
            </button>
            <ActionError action={action} />
          </Alert>
        );
      return (
        <MonthView
          view={view}
          report={view.report}
          action={action}
          computing={false}
          onRefresh={onRefresh}
          onExport={onExport}
        />
      );
    default:
      return null;
  }
};

export const IndicatorsScreen = () => {
  const t = useT();
  const { load, action, reload, refresh, exportAs } = useIndicators();
  if (load.kind === 'loading') return <Loading text={t('gadget.loading')} />;
  if (load.kind === 'failed') {
    const { title, detail } = describeError(t, load.error);
    return (
      <Alert tone="danger" title={title} detail={detail} testId="error">
        <button type="button" data-testid="retry" onClick={() => void reload()}>
          {t('common.retry')}
        </button>
      </Alert>
    );
  }
  return (
    <ViewOf
      view={load.view}
      action={action}
      onRefresh={() => void refresh()}
      onExport={(format) => void exportAs(format)}
    />
  );
};
