// The reserve as a bar (consumed, left or given back, overflow in red) and its figures beside the committed capacity,
// with where the reserve comes from: set for this sprint by the Product Owner, or the default rate (D8).
import type { ReserveReport, SprintReserveView, StoredReserveView } from '../../../../src/contract';
import type { Tone } from '../../../shared/src/colours';
import { StackedBar, Swatch } from '../../../shared/src/components/StackedBar';
import { displayInstant, formatShare } from '../../../shared/src/format';
import { useLang } from '../../../shared/src/i18n/react';
import { useT } from '../i18n';
import { amountText } from '../labels';

export type ReserveGaugeProps = {
  readonly sprint: SprintReserveView;
  readonly report: ReserveReport;
  readonly stored: StoredReserveView | null;
  readonly viewerAccountId: string | null;
};

type Figure = {
  readonly id: string;
  readonly label: string;
  readonly value: number;
  readonly tone: Tone | null;
  readonly danger?: boolean;
};

export const ReserveGauge = ({ sprint, report, stored, viewerAccountId }: ReserveGaugeProps) => {
  const t = useT();
  const lang = useLang();
  const amount = (value: number) => amountText(t, lang, value, report.unit);
  const closed = sprint.givenBack !== null;
  const figures: Figure[] = [
    { id: 'capacity', label: t('gauge.capacity'), value: sprint.capacity, tone: null },
    { id: 'reserve', label: t('gauge.reserve'), value: sprint.reserve, tone: null },
    { id: 'consumed', label: t('gauge.consumed'), value: sprint.consumed, tone: 'information' },
    { id: 'left', label: t('gauge.left'), value: sprint.left, tone: closed ? null : 'success' },
    ...(sprint.givenBack === null
      ? []
      : [{ id: 'given-back', label: t('gauge.givenBack'), value: sprint.givenBack, tone: 'success' as const }]),
    ...(sprint.overflow > 0
      ? [{ id: 'overflow', label: t('gauge.overflow'), value: sprint.overflow, tone: 'danger' as const, danger: true }]
      : []),
  ];
  const barLabel = figures
    .filter((figure) => figure.id !== 'capacity')
    .map((figure) => t('figure', { label: figure.label, value: amount(figure.value) }))
    .join(', ');
  const source =
    sprint.reserveSource === 'default-rate'
      ? t('source.defaultRate', { rate: formatShare(report.rules.defaultRate, lang) })
      : stored === null
        ? t('source.perSprintSettings')
        : stored.setBy === viewerAccountId
          ? t('source.perSprintByYou', { at: displayInstant(stored.setAt, lang) })
          : t('source.perSprint', { by: stored.setByName ?? stored.setBy, at: displayInstant(stored.setAt, lang) });
  return (
    <section aria-labelledby="csla-gauge-title" data-testid="reserve-gauge">
      <h3 id="csla-gauge-title">{t('gauge.title')}</h3>
      <StackedBar
        parts={[
          { key: 'consumed', value: sprint.consumed, tone: 'information' },
          { key: closed ? 'given-back' : 'left', value: sprint.left, tone: 'success' },
          { key: 'overflow', value: sprint.overflow, tone: 'danger' },
        ]}
        scale={sprint.reserve}
        label={barLabel}
        testId="reserve-bar"
      />
      <dl className="csla-figures">
        {figures.map((figure) => (
          <div key={figure.id} className="csla-figures__row">
            <dt>
              {figure.tone === null ? (
                <span className="csla-swatch" aria-hidden="true" />
              ) : (
                <Swatch tone={figure.tone} />
              )}
              {figure.label}
            </dt>
            <dd
              data-testid={`gauge-${figure.id}`}
              data-tone={figure.danger ? 'danger' : undefined}
              className={figure.danger ? 'csla-num csla-text-danger' : 'csla-num'}
            >
              {amount(figure.value)}
            </dd>
          </div>
        ))}
      </dl>
      <p className="csla-muted" data-testid="reserve-source" data-source={sprint.reserveSource}>
        {source}
      </p>
      {closed && sprint.givenBack !== null && sprint.givenBack > 0 ? (
        <p className="csla-muted">{t('gauge.givenBackHelp')}</p>
      ) : null}
      {sprint.overflow > 0 && sprint.state !== 'closed' ? (
        <p className="csla-text-danger">{t('gauge.overflowHelp')}</p>
      ) : null}
    </section>
  );
};
