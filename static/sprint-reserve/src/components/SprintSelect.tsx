// Which sprint the page shows; changing it makes no call (every sprint of the board is in the one reply).
import type { SprintReserveView } from '../../../../src/contract';
import { useT } from '../i18n';

export type SprintSelectProps = {
  readonly sprints: readonly SprintReserveView[];
  readonly selected: number;
  readonly onSelect: (sprintId: number) => void;
};

export const SprintSelect = ({ sprints, selected, onSelect }: SprintSelectProps) => {
  const t = useT();
  return (
    <div className="csla-setting csla-setting--inline csla-reserve__select">
      <label htmlFor="csla-sprint-select">{t('reserve.sprintSelect')}</label>
      <select
        id="csla-sprint-select"
        value={selected}
        onChange={(event) => onSelect(Number(event.target.value))}
        data-testid="sprint-select"
      >
        {sprints.map((sprint) => (
          <option key={sprint.sprintId} value={sprint.sprintId}>
            {t('reserve.sprintOption', { name: sprint.name, state: t(`state.${sprint.state}`) })}
          </option>
        ))}
      </select>
    </div>
  );
};
