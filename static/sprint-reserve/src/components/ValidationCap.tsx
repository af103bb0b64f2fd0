// The validation cap (D8, A19): effort on validation-class anomalies against the cap (the rate times the sprint's
// total effort); what is above the cap is the contractor's charge, in red.
import type { ReserveUnit, SprintReserveView } from '../../../../src/contract';
import { StackedBar, Swatch } from '../../../shared/src/components/StackedBar';
import { formatShare } from '../../../shared/src/format';
import { useLang } from '../../../shared/src/i18n/react';
import { useT } from '../i18n';
import { amountText } from '../labels';

export type ValidationCapProps = {
  readonly sprint: SprintReserveView;
  readonly unit: ReserveUnit;
  readonly rate: number;
};

export const ValidationCap = ({ sprint, unit, rate }: ValidationCapProps) => {
  const t = useT();
  const lang = useLang();
  const amount = (value: number) => amountText(t, lang, value, unit);
  const overCap = sprint.overCap > 0;
  const barLabel = [
    t('figure', { label: t('cap.effort'), value: amount(sprint.validationEffort) }),
    t('figure', { label: t('cap.cap'), value: amount(sprint.validationCap) }),
    ...(overCap ? [t('figure', { label: t('cap.overCap'), value: amount(sprint.overCap) })] : []),
  ].join(', ');
  return (
    <section aria-labelledby="csla-cap-title" data-testid="validation">
      <h3 id="csla-cap-title">{t('cap.title')}</h3>
      <StackedBar
        parts={[
          // Widths only: the part within the cap, then the part above it.
          { key: 'within-cap', value: sprint.validationEffort - sprint.overCap, tone: 'information' },
          { key: 'over-cap', value: sprint.overCap, tone: 'danger' },
        ]}
        scale={sprint.validationCap}
        marker={sprint.validationCap}
        label={barLabel}
        testId="validation-bar"
      />
      <dl className="csla-figures">
        <div className="csla-figures__row">
          <dt>
            <Swatch tone="information" />
            {t('cap.effort')}
          </dt>
          <dd className="csla-num" data-testid="validation-effort">
            {amount(sprint.validationEffort)}
          </dd>
        </div>
        <div className="csla-figures__row">
          <dt>
            <span className="csla-swatch csla-swatch--marker" aria-hidden="true" />
            {t('cap.cap')}
          </dt>
          <dd className="csla-num">
            <span data-testid="validation-cap">{amount(sprint.validationCap)}</span>{' '}
            <small className="csla-muted">
              {t('cap.capDetail', { rate: formatShare(rate, lang), total: amount(sprint.totalEffort) })}
            </small>
          </dd>
        </div>
        {overCap ? (
          <div className="csla-figures__row">
            <dt>
              <Swatch tone="danger" />
              {t('cap.overCap')}
            </dt>
            <dd className="csla-num csla-text-danger" data-testid="over-cap" data-tone="danger">
              {t('cap.overCapText', { amount: amount(sprint.overCap) })}
            </dd>
          </div>
        ) : null}
      </dl>
      {overCap ? null : (
        <p className="csla-muted" data-testid="within-cap">
          {t('cap.within')}
        </p>
      )}
    </section>
  );
};
