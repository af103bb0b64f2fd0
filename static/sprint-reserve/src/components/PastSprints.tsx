// The closed sprints: a small chart of reserve against consumption, then the table with every figure (the chart's
// data alternative). A sprint's name shows it above.
import type { ReserveReport } from '../../../../src/contract';
import { formatNumber, formatShare } from '../../../shared/src/format';
import { useLang } from '../../../shared/src/i18n/react';
import { useT } from '../i18n';
import { amountText, datesText } from '../labels';
import { ReserveChart } from './ReserveChart';

export type PastSprintsProps = {
  readonly report: ReserveReport;
  readonly selected: number | null;
  readonly onSelect: (sprintId: number) => void;
};

export const PastSprints = ({ report, selected, onSelect }: PastSprintsProps) => {
  const t = useT();
  const lang = useLang();
  const amount = (value: number) => amountText(t, lang, value, report.unit);
  const closed = report.sprints.filter((sprint) => sprint.state === 'closed');
  return (
    <section className="csla-past" aria-labelledby="csla-past-title" data-testid="past-sprints">
      <h2 id="csla-past-title">{t('past.title')}</h2>
      {closed.length === 0 ? (
        <p className="csla-muted">{t('past.none')}</p>
      ) : (
        <>
          <ReserveChart sprints={closed} unit={report.unit} />
          <div className="csla-scroll">
            <table className="csla-past__table">
              <caption className="csla-visually-hidden">{t('past.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('past.sprint')}</th>
                  <th scope="col">{t('past.dates')}</th>
                  <th scope="col" className="csla-num">
                    {t('past.capacity')}
                  </th>
                  <th scope="col" className="csla-num">
                    {t('past.reserve')}
                  </th>
                  <th scope="col" className="csla-num">
                    {t('past.consumed')}
                  </th>
                  <th scope="col" className="csla-num">
                    {t('past.givenBack')}
                  </th>
                  <th scope="col" className="csla-num">
                    {t('past.overflow')}
                  </th>
                  <th scope="col" className="csla-num">
                    {t('past.validation')}
                  </th>
                  <th scope="col" className="csla-num">
                    {t('past.predictability')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {closed.map((sprint) => (
                  <tr
                    key={sprint.sprintId}
                    data-sprint-id={sprint.sprintId}
                    aria-current={sprint.sprintId === selected ? 'true' : undefined}
                  >
                    <th scope="row">
                      <button
                        type="button"
                        className="csla-link"
                        onClick={() => onSelect(sprint.sprintId)}
                        title={t('past.show', { name: sprint.name })}
                      >
                        {sprint.name}
                      </button>
                    </th>
                    <td>{datesText(t, lang, sprint)}</td>
                    <td className="csla-num">{amount(sprint.capacity)}</td>
                    <td className="csla-num">{amount(sprint.reserve)}</td>
                    <td className="csla-num">{amount(sprint.consumed)}</td>
                    <td className="csla-num" data-column="given-back">
                      {sprint.givenBack === null ? t('common.none') : amount(sprint.givenBack)}
                    </td>
                    <td
                      className={sprint.overflow > 0 ? 'csla-num csla-text-danger' : 'csla-num'}
                      data-column="overflow"
                    >
                      {amount(sprint.overflow)}
                    </td>
                    <td
                      className={sprint.overCap > 0 ? 'csla-num csla-text-danger' : 'csla-num'}
                      data-column="validation"
                    >
                      {formatNumber(sprint.validationEffort, lang)} / {amount(sprint.validationCap)}
                    </td>
                    <td className="csla-num" data-column="predictability">
                      {sprint.predictability.ratio === null
                        ? t('common.none')
                        : formatShare(sprint.predictability.ratio, lang)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
};
