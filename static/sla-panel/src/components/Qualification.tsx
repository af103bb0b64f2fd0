// What the clocks depend on: kind, severity, service level, environment and the anomaly class with its reason (D6).
import type { AnomalyClassReasonView, IssueSlaView } from '../../../../src/contract';
import { formatDay } from '../../../shared/src/format';
import { useLang } from '../../../shared/src/i18n/react';
import { useT } from '../i18n';
import { labelOf } from '../labels';

const useReasonText = () => {
  const t = useT();
  const lang = useLang();
  return (reason: AnomalyClassReasonView): string =>
    t(`reason.${reason.code}`, {
      version: reason.version ?? '?',
      releaseDate: reason.releaseDate ? formatDay(reason.releaseDate, lang) : '?',
      vsrEndsAt: reason.vsrEndsAt ? formatDay(reason.vsrEndsAt, lang) : '?',
    });
};

export const Qualification = ({ issue }: { readonly issue: IssueSlaView }) => {
  const t = useT();
  const reasonText = useReasonText();
  const showClass = issue.kind === 'anomaly' || issue.anomalyClass !== null || issue.anomalyClassReason !== null;
  const classLabel = issue.anomalyClass === null ? t('class.unknown') : t(`class.${issue.anomalyClass}`);
  return (
    <section aria-labelledby="csla-facts-title">
      <h3 id="csla-facts-title" className="csla-visually-hidden">
        {t('panel.facts')}
      </h3>
      <dl className="csla-facts">
        <dt>{t('panel.kind')}</dt>
        <dd data-testid="kind">{issue.kind === null ? t('kind.none') : t(`kind.${issue.kind}`)}</dd>
        <dt>{t('panel.severity')}</dt>
        <dd data-testid="severity">
          {issue.severity === null ? t('common.none') : labelOf(t, 'severity', issue.severity)}
        </dd>
        {issue.kind === 'incident' || issue.serviceLevel !== null ? (
          <>
            <dt>{t('panel.serviceLevel')}</dt>
            <dd data-testid="service-level">
              {issue.serviceLevel === null ? t('common.none') : t(`level.${issue.serviceLevel}`)}
            </dd>
          </>
        ) : null}
        {issue.kind === 'anomaly' || issue.environment !== null ? (
          <>
            <dt>{t('panel.environment')}</dt>
            <dd data-testid="environment">
              {issue.environment === null ? t('common.none') : t(`environment.${issue.environment}`)}
            </dd>
          </>
        ) : null}
        {showClass ? (
          <>
            <dt>{t('panel.anomalyClass')}</dt>
            <dd data-testid="anomaly-class" data-class={issue.anomalyClass ?? 'unknown'}>
              {classLabel}
              {issue.anomalyClassReason ? ` — ${reasonText(issue.anomalyClassReason)}` : ''}
            </dd>
          </>
        ) : null}
      </dl>
    </section>
  );
};
