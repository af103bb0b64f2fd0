// When the reserve overflows (D8): the stories not started to move back to the backlog, least important (lowest
// rank) first, as the server chose them to cover the overflow; and what they cannot cover.
import type { ReserveUnit, SprintReserveView } from '../../../../src/contract';
import { useLang } from '../../../shared/src/i18n/react';
import { useT } from '../i18n';
import { amountText } from '../labels';

export const MoveOutCandidates = ({
  sprint,
  unit,
}: {
  readonly sprint: SprintReserveView;
  readonly unit: ReserveUnit;
}) => {
  const t = useT();
  const lang = useLang();
  const overflow = amountText(t, lang, sprint.overflow, unit);
  const sentence =
    sprint.moveOutCandidates.length === 0
      ? t('moveOut.none', { overflow })
      : sprint.uncoveredOverflow > 0
        ? t('moveOut.partly', { overflow })
        : t('moveOut.covers', { overflow });
  return (
    <section
      className="csla-alert csla-alert--danger csla-moveout"
      aria-labelledby="csla-moveout-title"
      data-testid="move-out-candidates"
    >
      <h3 id="csla-moveout-title" className="csla-alert__title">
        {t('moveOut.title')}
      </h3>
      <p data-testid="move-out-sentence">{sentence}</p>
      {sprint.moveOutCandidates.length > 0 ? (
        <ol className="csla-moveout__list">
          {sprint.moveOutCandidates.map((key) => (
            <li key={key} data-key={key}>
              {key}
            </li>
          ))}
        </ol>
      ) : null}
      {sprint.uncoveredOverflow > 0 ? (
        <p className="csla-text-danger" data-testid="uncovered-overflow">
          {t('moveOut.uncovered', { amount: amountText(t, lang, sprint.uncoveredOverflow, unit) })}
        </p>
      ) : null}
    </section>
  );
};
