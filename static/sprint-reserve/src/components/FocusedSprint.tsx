// The sprint shown: its dates, its reserve (gauge, where it comes from, the Product Owner's editor), the issues that
// consumed it, the stories to move out when it overflows, the validation cap, the indicators and the warnings.
import type { ReserveReport, SprintReserveView, StoredReserveView } from '../../../../src/contract';
import { toneBackground, toneForeground, type Tone } from '../../../shared/src/colours';
import { displayInstant } from '../../../shared/src/format';
import { useLang } from '../../../shared/src/i18n/react';
import { useT } from '../i18n';
import { datesText } from '../labels';
import type { SaveState } from '../useSprintBoard';
import { Consumers } from './Consumers';
import { Indicators } from './Indicators';
import { MoveOutCandidates } from './MoveOutCandidates';
import { ReserveEditor } from './ReserveEditor';
import { ReserveGauge } from './ReserveGauge';
import { SprintWarnings } from './SprintWarnings';
import { ValidationCap } from './ValidationCap';

export type FocusedSprintProps = {
  readonly sprint: SprintReserveView;
  readonly report: ReserveReport;
  readonly stored: StoredReserveView | null;
  readonly viewerAccountId: string | null;
  readonly canSetReserve: boolean;
  readonly save: SaveState;
  readonly onSave: (reserve: number | null) => void;
  readonly onReload: () => void;
};

const STATE_TONE: Record<SprintReserveView['state'], Tone> = {
  active: 'information',
  future: 'neutral',
  closed: 'success',
};

export const FocusedSprint = ({
  sprint,
  report,
  stored,
  viewerAccountId,
  canSetReserve,
  save,
  onSave,
  onReload,
}: FocusedSprintProps) => {
  const t = useT();
  const lang = useLang();
  const tone = STATE_TONE[sprint.state];
  return (
    <section
      className="csla-sprint"
      aria-labelledby="csla-sprint-title"
      data-testid="sprint"
      data-sprint-id={sprint.sprintId}
      data-state={sprint.state}
    >
      <header className="csla-sprint__header">
        <h2 id="csla-sprint-title">{sprint.name}</h2>
        <span
          className="csla-badge"
          data-testid="sprint-state"
          style={{ backgroundColor: toneBackground(tone), color: toneForeground(tone) }}
        >
          {t(`state.${sprint.state}`)}
        </span>
      </header>
      <p className="csla-muted" data-testid="sprint-dates">
        {datesText(t, lang, sprint)}
        {sprint.completeAt === null
          ? ''
          : ` · ${t('reserve.completedAt', { at: displayInstant(sprint.completeAt, lang) })}`}
      </p>
      {sprint.started ? (
        sprint.state === 'closed' ? null : (
          <p className="csla-muted">{t('reserve.measuredAt', { at: displayInstant(sprint.measuredAt, lang) })}</p>
        )
      ) : (
        <p className="csla-muted" data-testid="forecast">
          {t('reserve.forecast', { at: displayInstant(sprint.measuredAt, lang) })}
        </p>
      )}
      <div className="csla-sprint__grid">
        <div className="csla-card">
          <ReserveGauge sprint={sprint} report={report} stored={stored} viewerAccountId={viewerAccountId} />
          <ReserveEditor
            key={`${sprint.reserve}|${sprint.reserveSource}|${stored?.setAt ?? ''}`}
            sprint={sprint}
            report={report}
            stored={stored}
            canSetReserve={canSetReserve}
            save={save}
            onSave={onSave}
            onReload={onReload}
          />
        </div>
        <div className="csla-card">
          <ValidationCap sprint={sprint} unit={report.unit} rate={report.rules.validationCapRate} />
          <Indicators sprint={sprint} unit={report.unit} />
        </div>
      </div>
      {sprint.overflow > 0 ? <MoveOutCandidates sprint={sprint} unit={report.unit} /> : null}
      <Consumers sprint={sprint} unit={report.unit} />
      {sprint.removed.length > 0 ? (
        <p className="csla-muted" data-testid="removed">
          {t('reserve.removed', { keys: sprint.removed.join(', ') })}
        </p>
      ) : null}
      <SprintWarnings warnings={sprint.warnings} />
    </section>
  );
};
