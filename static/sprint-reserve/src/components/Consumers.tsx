// The issues that consumed the reserve, in order of arrival (D8): blocking production anomalies and urgent items added
// after the sprint started; their effort is their estimate, else their logged time.
import type { ReserveUnit, SprintReserveView } from '../../../../src/contract';
import { displayInstant } from '../../../shared/src/format';
import { useLang } from '../../../shared/src/i18n/react';
import { useT } from '../i18n';
import { amountText } from '../labels';

export const Consumers = ({ sprint, unit }: { readonly sprint: SprintReserveView; readonly unit: ReserveUnit }) => {
  const t = useT();
  const lang = useLang();
  return (
    <section aria-labelledby="csla-consumers-title" data-testid="consumers">
      <h3 id="csla-consumers-title">{t('consumers.title')}</h3>
      {sprint.consumerDetails.length === 0 ? (
        <p className="csla-muted">{t('consumers.none')}</p>
      ) : (
        <table>
          <caption className="csla-visually-hidden">{t('consumers.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('consumers.key')}</th>
              <th scope="col" className="csla-num">
                {t('consumers.effort')}
              </th>
              <th scope="col">{t('consumers.source')}</th>
              <th scope="col">{t('consumers.addedAt')}</th>
              <th scope="col">{t('consumers.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {sprint.consumerDetails.map((consumer) => (
              <tr key={consumer.key} data-key={consumer.key}>
                <th scope="row">{consumer.key}</th>
                <td className="csla-num">{amountText(t, lang, consumer.effort, unit)}</td>
                <td data-source={consumer.effortSource}>{t(`effortSource.${consumer.effortSource}`)}</td>
                <td>{displayInstant(consumer.addedAt, lang)}</td>
                <td data-reason={consumer.reason}>{t(`consumerReason.${consumer.reason}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
};
