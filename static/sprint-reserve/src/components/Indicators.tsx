// The sprint's predictability (done ÷ planned, the reserve's consumers left out) and productivity (done ÷ time
// logged), D9: the server's ratio with the figures it comes from; "non calculable" when the server has none.
import type { ReserveUnit, SprintReserveView } from '../../../../src/contract';
import { formatNumber, formatShare } from '../../../shared/src/format';
import { useLang } from '../../../shared/src/i18n/react';
import { useT } from '../i18n';
import { amountText, hoursText } from '../labels';

export const Indicators = ({ sprint, unit }: { readonly sprint: SprintReserveView; readonly unit: ReserveUnit }) => {
  const t = useT();
  const lang = useLang();
  const amount = (value: number) => amountText(t, lang, value, unit);
  const { predictability: p, productivity: q } = sprint;
  const planned = { done: amount(p.done), planned: amount(p.planned) };
  const logged = { done: amount(q.done), hours: hoursText(lang, q.loggedHours) };
  return (
    <section aria-labelledby="csla-indicators-title" data-testid="indicators">
      <h3 id="csla-indicators-title">{t('indicators.title')}</h3>
      <dl className="csla-figures">
        <div className="csla-figures__row">
          <dt>{t('indicators.predictability')}</dt>
          <dd data-testid="predictability">
            {p.ratio === null
              ? t('indicators.notComputed', { detail: t('indicators.plannedDetail', planned) })
              : t('indicators.predictabilityText', { ratio: formatShare(p.ratio, lang), ...planned })}
          </dd>
        </div>
        <div className="csla-figures__row">
          <dt>{t('indicators.productivity')}</dt>
          <dd data-testid="productivity">
            {q.ratio === null
              ? t('indicators.notComputed', { detail: t('indicators.loggedDetail', logged) })
              : t('indicators.productivityText', {
                  ratio: `${formatNumber(q.ratio, lang)}\u00a0${t(`unit.perHour.${unit}`)}`,
                  ...logged,
                })}
          </dd>
        </div>
      </dl>
    </section>
  );
};
