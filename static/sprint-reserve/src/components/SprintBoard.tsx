// The page once the board is loaded: the board, its data warnings, the sprint selector, the sprint shown and the
// closed sprints. Selecting a sprint only changes what is shown: every sprint is in the reply.
import type { SprintBoardView } from '../../../../src/contract';
import { Alert } from '../../../shared/src/components/Alert';
import { displayInstant } from '../../../shared/src/format';
import { useLang } from '../../../shared/src/i18n/react';
import { useT } from '../i18n';
import { focusOf } from '../labels';
import type { SaveState } from '../useSprintBoard';
import { FocusedSprint } from './FocusedSprint';
import { PastSprints } from './PastSprints';
import { SprintSelect } from './SprintSelect';

export type SprintBoardProps = {
  readonly view: SprintBoardView;
  /** Who is looking (the Forge context's account), so a reserve they set reads "par vous". */
  readonly viewerAccountId: string | null;
  readonly selected: number | null;
  readonly save: SaveState;
  readonly onSelect: (sprintId: number) => void;
  readonly onSave: (sprintId: number, reserve: number | null) => void;
  readonly onReload: () => void;
};

export const SprintBoard = ({
  view,
  viewerAccountId,
  selected,
  save,
  onSelect,
  onSave,
  onReload,
}: SprintBoardProps) => {
  const t = useT();
  const lang = useLang();
  const { report } = view;
  const sprints = report?.sprints ?? [];
  const sprint = sprints.find((s) => s.sprintId === selected) ?? focusOf(sprints, view.focusSprintId);
  return (
    <main className="csla-reserve" aria-busy={save.kind === 'saving'}>
      <header className="csla-reserve__header">
        <h1>{t('reserve.title')}</h1>
        <p className="csla-muted" data-testid="board">
          {view.board === null
            ? t('reserve.project', { project: view.projectKey })
            : t('reserve.board', { board: view.board.name, project: view.projectKey })}
        </p>
      </header>
      {report === null ? (
        <Alert tone="information" title={t('reserve.noBoard')} testId="no-board" />
      ) : (
        <>
          {report.warnings.length > 0 ? (
            <section
              className="csla-alert csla-alert--warning csla-notices"
              aria-labelledby="csla-report-warnings"
              data-testid="report-warnings"
            >
              <h2 id="csla-report-warnings" className="csla-alert__title">
                {t('warnings.report')}
              </h2>
              <ul>
                {report.warnings.map((notice, i) => (
                  <li key={`${notice.code}-${i}`} data-code={notice.code}>
                    {notice.message}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {sprint === null ? (
            <p className="csla-muted" data-testid="no-sprints">
              {t('reserve.noSprints')}
            </p>
          ) : (
            <>
              <SprintSelect sprints={sprints} selected={sprint.sprintId} onSelect={onSelect} />
              <FocusedSprint
                key={sprint.sprintId}
                sprint={sprint}
                report={report}
                stored={view.reserves[String(sprint.sprintId)] ?? null}
                viewerAccountId={viewerAccountId}
                canSetReserve={view.canSetReserve}
                save={save}
                onSave={(reserve) => onSave(sprint.sprintId, reserve)}
                onReload={onReload}
              />
            </>
          )}
          <PastSprints report={report} selected={sprint?.sprintId ?? null} onSelect={onSelect} />
          <footer className="csla-reserve__footer">
            <small className="csla-muted" data-testid="computed-at">
              {t('reserve.computedAt', {
                at: displayInstant(report.at, lang),
                field: report.estimationField.name,
                unit: t(`unit.${report.unit}`),
              })}
            </small>
          </footer>
        </>
      )}
    </main>
  );
};
