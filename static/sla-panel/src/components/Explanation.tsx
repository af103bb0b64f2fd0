// The explanation of a clock: every period from its start (state, Jira status, business time counted) and every
// requalification of severity or service level (D5), as the server computed them.
import type { ClockView } from '../../../../src/contract';
import { formatBusinessDuration, displayInstant } from '../../../shared/src/format';
import { useLang } from '../../../shared/src/i18n/react';
import { useT } from '../i18n';
import { labelOf } from '../labels';

export const Explanation = ({ clock, clockName }: { readonly clock: ClockView; readonly clockName: string }) => {
  const t = useT();
  const lang = useLang();
  const changeValue = (field: 'severity' | 'serviceLevel', value: string | null): string =>
    value === null ? t('explain.empty') : labelOf(t, field === 'severity' ? 'severity' : 'level', value);
  return (
    <details className="csla-explain">
      <summary>{t('explain.title')}</summary>
      <h4>{t('explain.segments')}</h4>
      {clock.segments.length === 0 ? (
        <p className="csla-muted">{t('explain.noSegments')}</p>
      ) : (
        <table data-testid="segments">
          <caption className="csla-visually-hidden">
            {t('explain.segments')} — {clockName}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('explain.from')}</th>
              <th scope="col">{t('explain.to')}</th>
              <th scope="col">{t('explain.state')}</th>
              <th scope="col">{t('explain.status')}</th>
              <th scope="col" className="csla-num">
                {t('explain.counted')}
              </th>
            </tr>
          </thead>
          <tbody>
            {clock.segments.map((segment) => (
              <tr key={`${segment.from}|${segment.to}|${segment.status}`} data-state={segment.state}>
                <td>{displayInstant(segment.from, lang)}</td>
                <td>{displayInstant(segment.to, lang)}</td>
                <td>{t(`state.${segment.state}`)}</td>
                <td>{segment.status}</td>
                <td className="csla-num">{formatBusinessDuration(segment.businessMs, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h4>{t('explain.requalifications')}</h4>
      {clock.requalifications.length === 0 ? (
        <p className="csla-muted">{t('explain.noRequalifications')}</p>
      ) : (
        <table data-testid="requalifications">
          <caption className="csla-visually-hidden">
            {t('explain.requalifications')} — {clockName}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('explain.date')}</th>
              <th scope="col">{t('explain.field')}</th>
              <th scope="col">{t('explain.change')}</th>
            </tr>
          </thead>
          <tbody>
            {clock.requalifications.map((change) => (
              <tr key={`${change.at}|${change.field}`}>
                <td>{displayInstant(change.at, lang)}</td>
                <td>{t(`field.${change.field}`)}</td>
                <td>
                  {changeValue(change.field, change.from)} → {changeValue(change.field, change.to)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
};
