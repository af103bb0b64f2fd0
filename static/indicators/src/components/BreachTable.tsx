// A compliance figure's breaches: each clock stopped in the month after its target, in business time.
import type { MonthlyBreachView } from '../../../../src/contract';
import { formatBusinessDuration, displayInstant } from '../../../shared/src/format';
import { useLang } from '../../../shared/src/i18n/react';
import { hasKey, useT } from '../i18n';

export const BreachTable = ({ breaches }: { readonly breaches: readonly MonthlyBreachView[] }) => {
  const t = useT();
  const lang = useLang();
  const clockText = (clock: string) => {
    const key = `clock.${clock}`;
    return hasKey(key) ? t(key) : clock;
  };
  return (
    <div className="csla-scroll">
      <table className="csla-breaches" data-testid="breaches">
        <caption>{t('breaches.title', { count: breaches.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('breach.key')}</th>
            <th scope="col">{t('breach.clock')}</th>
            <th scope="col" className="csla-num">
              {t('breach.target')}
            </th>
            <th scope="col" className="csla-num">
              {t('breach.elapsed')}
            </th>
            <th scope="col" className="csla-num">
              {t('breach.overrun')}
            </th>
            <th scope="col">{t('breach.due')}</th>
            <th scope="col">{t('breach.stopped')}</th>
          </tr>
        </thead>
        <tbody>
          {breaches.map((b) => (
            <tr key={`${b.key}-${b.clock}`} data-key={b.key}>
              <th scope="row">{b.key}</th>
              <td>{clockText(b.clock)}</td>
              <td className="csla-num" title={b.target ?? undefined}>
                {formatBusinessDuration(b.targetMs, lang)}
              </td>
              <td className="csla-num">{formatBusinessDuration(b.elapsedMs, lang)}</td>
              <td className="csla-num csla-text-danger">+{formatBusinessDuration(b.overrunMs, lang)}</td>
              <td>{b.dueAt === null ? t('value.none') : displayInstant(b.dueAt, lang)}</td>
              <td>{displayInstant(b.stoppedAt, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
};
