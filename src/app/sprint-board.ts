// Use cases behind the sprint reserve page (D8): the board's sprints read from Jira into the sprint-export shape the
// CLI reads (`contract-sla reserve`), computed with the reserves the Product Owner set, and setting a reserve.
import { CONTRACT_ZONE } from '../domain/contract-zone';
import { z } from 'zod';
import type { SprintBoardView, StoredReserveView } from '../contract';
import { parseJiraInstant } from '../jira/jira-instant';
import { AppError } from './app-error';
import { computeReserveReport } from './compute-reserve-report';
import { formatInstant } from './format-instant';
import { boardSprintsCached, fieldCatalogue, type FieldCatalogue } from './jira-catalogues';
import { fieldIdOf, sprintFieldsToRead, withAppFields } from './live-export';
import type { Board, Deps } from './ports';
import { effectiveSettings } from './settings/settings-repository';

const PROJECT_KEY = /^[A-Z][A-Z0-9_]{0,49}$/;
const MAX_RESERVE = 100_000;

const storedSchema = z.record(
  z.string(),
  z.object({ value: z.number(), setBy: z.string(), setByName: z.string().optional(), setAt: z.string() }),
);

const reservesKey = (boardId: number): string => `reserves:board:${boardId}`;

/** The board a sprint action was opened on, if it belongs to the project (a board of another project is refused). */
const contextBoardOf = async (deps: Deps, projectKey: string, boardId: number): Promise<Board> => {
  // Only "no such board" is null; a 401/403 is Jira refusing the app (a missing scope), raised as such.
  const board = await deps.jira.board(boardId);
  if (board === null || (board.projectKey !== null && board.projectKey !== projectKey)) {
    throw new AppError('NOT_FOUND', `board ${boardId} is not a board of ${projectKey}`);
  }
  return { id: board.id, name: board.name };
};

const storedReserves = async (deps: Deps, boardId: number): Promise<Record<string, StoredReserveView>> => {
  const parsed = storedSchema.safeParse(await deps.store.get(reservesKey(boardId)));
  return parsed.success ? parsed.data : {};
};

const sprintFieldId = (catalogue: FieldCatalogue): string | null =>
  catalogue.fields.find((f) => f.custom?.includes('gh-sprint'))?.id ?? fieldIdOf(catalogue, 'Sprint');

/** Whether the caller may browse the project, and may set reserves (a project administrator, or a member of the
 * Product Owner group), from one permission call. */
const callerRights = async (
  deps: Deps,
  projectKey: string,
  accountId: string,
): Promise<{ browse: boolean; setReserve: boolean }> => {
  const held = await deps.jira.permissions(['BROWSE_PROJECTS', 'ADMINISTER_PROJECTS'], { projectKey });
  if (!held.has('BROWSE_PROJECTS')) return { browse: false, setReserve: false };
  if (held.has('ADMINISTER_PROJECTS')) return { browse: true, setReserve: true };
  const { settings } = await effectiveSettings(deps.store);
  return {
    browse: true,
    setReserve:
      settings.productOwnerGroup !== null && (await deps.jira.groupsOf(accountId)).includes(settings.productOwnerGroup),
  };
};

/** The board page: every sprint of the project's scrum board, computed as of now. */
export const getSprintBoard = async (
  deps: Deps,
  projectKey: string,
  accountId: string,
  focusSprintId: number | null,
  nowMs: number,
  boardId: number | null = null,
): Promise<SprintBoardView> => {
  if (!PROJECT_KEY.test(projectKey))
    throw new AppError('BAD_REQUEST', `"${projectKey.slice(0, 60)}" is not a project key`);
  // The caller must see the project before the app reads it as itself.
  const rights = await callerRights(deps, projectKey, accountId);
  if (!rights.browse) throw new AppError('NOT_FOUND', `project ${projectKey} does not exist or is not visible to you`);
  const canSetReserve = rights.setReserve;
  // The sprint action's board when Jira gives one, else the project's first scrum board.
  const board =
    boardId !== null ? await contextBoardOf(deps, projectKey, boardId) : await deps.jira.scrumBoardOf(projectKey);
  if (board === null)
    return { projectKey, board: null, report: null, focusSprintId: null, reserves: {}, canSetReserve };
  const [sprints, configuration, catalogue, reserves, effective] = await Promise.all([
    boardSprintsCached(deps, board.id),
    deps.jira.boardConfiguration(board.id),
    fieldCatalogue(deps),
    storedReserves(deps, board.id),
    effectiveSettings(deps.store),
  ]);
  const settings = withAppFields(effective.settings, effective.stored.document, catalogue);
  const ids = sprints.map((s) => s.id);
  const starts = sprints
    .map((s) => s.startDate)
    .filter((d): d is string => typeof d === 'string')
    .sort();
  // Issues ever in these sprints: those in them now, and those updated since the first sprint started (an issue
  // taken out of a sprint is no longer in its Sprint field, but its history says it was there).
  // Only this project's issues: a board may show other projects', and the caller's permission was checked here.
  const firstStartMs = starts[0] === undefined ? null : parseJiraInstant(starts[0]);
  const since =
    firstStartMs === null ? '' : ` OR updated >= "${formatInstant(firstStartMs, CONTRACT_ZONE).slice(0, 10)}"`;
  const jql =
    ids.length === 0
      ? `project = ${projectKey} AND sprint is not EMPTY`
      : `project = ${projectKey} AND (sprint in (${ids.join(', ')})${since}) ORDER BY key`;
  const sprintField = sprintFieldId(catalogue);
  // Exactly the fields the reserve reads (not *all: every field of every issue of the board is a heavy page).
  const fields = [
    ...new Set([
      ...sprintFieldsToRead(settings, catalogue, configuration),
      ...(sprintField === null ? [] : [sprintField]),
    ]),
  ];
  const issues = await deps.jira.searchIssues('app', { jql, fields });
  const issueIds = issues.map((i) => i.id);
  const historyFields = ['status', sprintField, catalogue.appFields.severity ?? null].filter(
    (x): x is string => x !== null,
  );
  const changelogs = issueIds.length > 0 ? await deps.jira.changelogs('app', issueIds, historyFields) : [];
  const perSprint = Object.fromEntries(Object.entries(reserves).map(([id, r]) => [id, r.value]));
  const report = computeReserveReport(
    { issues, names: catalogue.names, changelogs, sprints, board: configuration.document },
    settings,
    nowMs,
    perSprint,
  );
  if (!report.ok)
    throw new AppError(
      'INTERNAL',
      `the board's data could not be read: ${report.issues.map((i) => i.message).join('; ')}`,
    );
  const active = report.value.sprints.find((s) => s.state === 'active');
  const focus =
    focusSprintId !== null && report.value.sprints.some((s) => s.sprintId === focusSprintId)
      ? focusSprintId
      : (active?.sprintId ?? report.value.sprints[report.value.sprints.length - 1]?.sprintId ?? null);
  return { projectKey, board, report: report.value, focusSprintId: focus, reserves, canSetReserve };
};

/** Sets (or clears) the reserve of an active or future sprint of the project's board: Product Owners only. */
export const setSprintReserve = async (
  deps: Deps,
  projectKey: string,
  accountId: string,
  sprintId: number,
  reserve: number | null,
  nowMs: number,
  boardId: number | null = null,
): Promise<SprintBoardView> => {
  if (!PROJECT_KEY.test(projectKey))
    throw new AppError('BAD_REQUEST', `"${projectKey.slice(0, 60)}" is not a project key`);
  if (reserve !== null && (!Number.isFinite(reserve) || reserve < 0 || reserve > MAX_RESERVE))
    throw new AppError('BAD_REQUEST', `the reserve must be a number between 0 and ${MAX_RESERVE}`);
  const rights = await callerRights(deps, projectKey, accountId);
  if (!rights.browse) throw new AppError('NOT_FOUND', `project ${projectKey} does not exist or is not visible to you`);
  if (!rights.setReserve)
    throw new AppError(
      'FORBIDDEN',
      'only the Product Owner (a project administrator or a member of the Product Owner group) sets sprint reserves',
    );
  const board =
    boardId !== null ? await contextBoardOf(deps, projectKey, boardId) : await deps.jira.scrumBoardOf(projectKey);
  if (board === null) throw new AppError('NOT_FOUND', `project ${projectKey} has no scrum board`);
  const sprint = (await boardSprintsCached(deps, board.id)).find((s) => s.id === sprintId);
  if (!sprint) throw new AppError('NOT_FOUND', `sprint ${sprintId} is not on the board of ${projectKey}`);
  if (sprint.state === 'closed')
    throw new AppError('BAD_REQUEST', 'the reserve of a closed sprint is history: it cannot be changed');
  const reserves = await storedReserves(deps, board.id);
  if (reserve === null) delete reserves[String(sprintId)];
  else {
    // The name shown on the page ("fixée par …"), asked as the user: Jira shows the name that user may see.
    const setByName = await deps.jira.myselfDisplayName();
    reserves[String(sprintId)] = {
      value: Math.round(reserve * 1000) / 1000,
      setBy: accountId,
      ...(setByName ? { setByName } : {}),
      setAt: formatInstant(nowMs, CONTRACT_ZONE),
    };
  }
  await deps.store.set(reservesKey(board.id), reserves);
  return getSprintBoard(deps, projectKey, accountId, sprintId, nowMs, boardId);
};
