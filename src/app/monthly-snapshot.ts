// The indicators gadget's month (D9), computed in the background: a queued job reads the project's issues touched in
// the last six months (one search page per 100 issues, one bulk changelog call per 1000), computes the month's
// report and the five months before it (the trend) from that one read, and stores the snapshot in the key-value
// store in chunks (a stored value is limited in size). The gadget reads the snapshot, or starts the job and shows
// its progress.
import { CONTRACT_ZONE } from '../domain/contract-zone';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { isRecord } from '../domain/is-record';
import type { GadgetConfiguration, IndicatorsView, MonthlyReport, TrendPointView } from '../contract';
import { AppError } from './app-error';
import { monthlyReportOf, sprintSourceOfExport } from './compute-monthly-report';
import { parseJiraExport } from '../jira/jira-export';
import { measuredAtMs as measureInstant, monthWindow } from '../domain/indicators/month-window';
import { formatInstant } from './format-instant';
import { splitByJsonBytes } from './kvs-limits';
import { fieldCatalogue, userHasPermission } from './jira-catalogues';
import { fieldsToRead, withAppFields } from './live-export';
import { monthlyReportCsv } from './monthly-report-csv';
import type { Deps, MonthlyReportJob } from './ports';
import { effectiveSettings } from './settings/settings-repository';

const PROJECT_KEY = /^[A-Z][A-Z0-9_]{0,49}$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const TREND_MONTHS = 6;
/** A snapshot of the month in progress is recomputed when older than this; a finished month's stays. */
const CURRENT_MONTH_TTL_MS = 15 * 60_000;
/** A job that has not reported progress for this long is considered dead and can be started again. */
const STALE_JOB_MS = 15 * 60_000;

export type MonthlyJob = MonthlyReportJob;

const key = (projectKey: string, month: string, part: string): string => `indicators:${projectKey}:${month}:${part}`;

const progressSchema = z.object({
  phase: z.enum(['search', 'changelogs', 'compute']),
  done: z.number(),
  total: z.number().nullable(),
  updatedAt: z.number(),
});
const failureSchema = z.object({ message: z.string(), at: z.number() });
const headSchema = z.object({
  snapshotAt: z.string(),
  snapshotAtMs: z.number(),
  settingsVersion: z.number(),
  chunks: z.number().int().min(0),
  complete: z.boolean(),
});
type Snapshot = { readonly report: MonthlyReport; readonly trend: readonly TrendPointView[] };

/**
 * Whether stored text parsed back into a snapshot of this app's shape (the job wrote it; a value from an older
 * version of the app, or a damaged one, is recomputed rather than shown).
 */
const isSnapshot = (value: unknown): value is Snapshot =>
  isRecord(value) &&
  isRecord(value.report) &&
  typeof value.report.month === 'string' &&
  Array.isArray(value.report.figures) &&
  Array.isArray(value.trend);

/** 'previous' → the month before now's, in Europe/Paris. */
export const resolveMonth = (month: string, nowMs: number): string =>
  month === 'previous'
    ? DateTime.fromMillis(nowMs, { zone: CONTRACT_ZONE }).minus({ months: 1 }).toFormat('yyyy-MM')
    : month;

export const configurationSchema = z.object({
  projectKey: z.string().regex(PROJECT_KEY, 'expected a project key such as DEMAT'),
  month: z.union([z.literal('previous'), z.string().regex(MONTH, 'expected a month yyyy-MM')]),
});

const saveSnapshot = async (
  deps: Deps,
  job: MonthlyJob,
  snapshot: Snapshot,
  settingsVersion: number,
  nowMs: number,
): Promise<void> => {
  // Cut by stored bytes, not characters: as a JSON string each quote of the text is escaped and each accent is two
  // bytes, so 180,000 characters could pass the 240 KiB value limit.
  const pieces = splitByJsonBytes(JSON.stringify(snapshot));
  const chunks = pieces.length;
  for (const [i, piece] of pieces.entries()) await deps.store.set(key(job.projectKey, job.month, `chunk:${i}`), piece);
  // The head is written last: a reader never sees a snapshot whose chunks are not all there.
  await deps.store.set(key(job.projectKey, job.month, 'head'), {
    snapshotAt: formatInstant(nowMs, CONTRACT_ZONE),
    snapshotAtMs: nowMs,
    settingsVersion,
    chunks,
    complete: snapshot.report.complete,
  });
};

const loadSnapshot = async (
  deps: Deps,
  projectKey: string,
  month: string,
): Promise<{ head: z.infer<typeof headSchema>; snapshot: Snapshot } | null> => {
  const head = headSchema.safeParse(await deps.store.get(key(projectKey, month, 'head')));
  if (!head.success) return null;
  let text = '';
  for (let i = 0; i < head.data.chunks; i++) {
    const part = await deps.store.get(key(projectKey, month, `chunk:${i}`));
    if (typeof part !== 'string') return null;
    text += part;
  }
  try {
    const snapshot: unknown = JSON.parse(text);
    return isSnapshot(snapshot) ? { head: head.data, snapshot } : null;
  } catch {
    return null;
  }
};

const setProgress = (
  deps: Deps,
  job: MonthlyJob,
  phase: 'search' | 'changelogs' | 'compute',
  done: number,
  total: number | null,
  nowMs: number,
): Promise<void> =>
  deps.store.set(key(job.projectKey, job.month, 'progress'), { phase, done, total, updatedAt: nowMs });

const monthStart = (month: string): DateTime => DateTime.fromISO(`${month}-01`, { zone: CONTRACT_ZONE });

/** The job: read, compute six months, store. Idempotent: running it twice stores the same figures. */
export const computeMonthlySnapshot = async (
  deps: Deps,
  job: MonthlyJob,
  nowMs: number,
  clock: () => number = () => nowMs,
): Promise<void> => {
  try {
    const { settings: base, version, stored } = await effectiveSettings(deps.store);
    const catalogue = await fieldCatalogue(deps);
    const settings = withAppFields(base, stored.document, catalogue);
    const start = monthStart(job.month);
    const from = start.minus({ months: TREND_MONTHS - 1 }).toFormat('yyyy-MM-dd');
    const to = start.plus({ months: 1 }).toFormat('yyyy-MM-dd');
    await setProgress(deps, job, 'search', 0, null, clock());
    // Issues that may count in the six months: created before the month's end and touched since the first month.
    // Exactly the fields the clocks read (the snapshot has no board: no sprint figures), not *all.
    const sprintField = catalogue.fields.find((f) => f.custom?.includes('gh-sprint'))?.id;
    const fields = [
      ...new Set([...fieldsToRead(settings, catalogue), ...(sprintField === undefined ? [] : [sprintField])]),
    ];
    const issues = await deps.jira.searchIssues('app', {
      jql: `project = ${job.projectKey} AND created < "${to}" AND updated >= "${from}" ORDER BY key`,
      fields,
    });
    const ids = issues.map((i) => i.id);
    await setProgress(deps, job, 'changelogs', 0, ids.length, clock());
    const fieldIds = ['status', catalogue.appFields.severity, catalogue.appFields['service-level'], sprintField].filter(
      (x): x is string => x !== undefined,
    );
    const changelogs = ids.length > 0 ? await deps.jira.changelogs('app', ids, fieldIds) : [];
    await setProgress(deps, job, 'compute', ids.length, ids.length, clock());
    const exportJson = { issues, names: catalogue.names, changelogs };
    const months = Array.from({ length: TREND_MONTHS }, (_, i) =>
      start.minus({ months: TREND_MONTHS - 1 - i }).toFormat('yyyy-MM'),
    );
    const trend: TrendPointView[] = [];
    let report: MonthlyReport | null = null;
    // The export is parsed once for the six months (it holds every issue they need).
    const parsed = parseJiraExport(exportJson);
    if (!parsed.ok) throw new AppError('INTERNAL', parsed.issues.map((i) => i.message).join('; '));
    for (const month of months) {
      const window = monthWindow(month);
      if (!window.ok) throw new AppError('BAD_REQUEST', window.issues.map((i) => i.message).join('; '));
      const measuredAtMs = measureInstant(window.value, nowMs);
      if (measuredAtMs === null)
        throw new AppError('BAD_REQUEST', `the month ${month} has not begun: nothing to measure yet`);
      const computed = {
        value: monthlyReportOf(
          parsed.value,
          sprintSourceOfExport(parsed.value, undefined, settings, window.value),
          settings,
          window.value,
          measuredAtMs,
        ),
      };
      trend.push({
        month,
        figures: computed.value.figures
          .filter((f) => f.type === 'compliance')
          .map((f) => ({
            code: f.code,
            rate: typeof f.value === 'number' ? f.value : null,
            numerator: f.numerator ?? 0,
            denominator: f.denominator ?? 0,
          })),
      });
      if (month === job.month) report = computed.value;
    }
    if (report === null) throw new AppError('INTERNAL', 'the month was not computed');
    await saveSnapshot(deps, job, { report, trend }, version, clock());
    await deps.store.delete(key(job.projectKey, job.month, 'progress'));
    await deps.store.delete(key(job.projectKey, job.month, 'failure'));
  } catch (error) {
    await deps.store.delete(key(job.projectKey, job.month, 'progress'));
    await deps.store.set(key(job.projectKey, job.month, 'failure'), {
      message: error instanceof Error ? error.message : String(error),
      at: clock(),
    });
    throw error;
  }
};

const startJob = async (deps: Deps, job: MonthlyJob, nowMs: number): Promise<void> => {
  await deps.store.delete(key(job.projectKey, job.month, 'failure'));
  await setProgress(deps, job, 'search', 0, null, nowMs);
  await deps.queue.push([job]);
};

const configurationOf = (raw: unknown): GadgetConfiguration | null => {
  const parsed = configurationSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
};

/** The gadget's view: the snapshot when fresh, else the job's progress (starting it when none runs). */
export const getIndicators = async (
  deps: Deps,
  rawConfiguration: unknown,
  nowMs: number,
  forceRefresh = false,
): Promise<IndicatorsView> => {
  const configuration = configurationOf(rawConfiguration);
  const empty = {
    configuration,
    month: null,
    progress: null,
    snapshotAt: null,
    settingsVersion: null,
    report: null,
    trend: [],
    error: null,
  };
  if (configuration === null) return { ...empty, state: 'not-configured' };
  const month = resolveMonth(configuration.month, nowMs);
  // The viewer must see the project before the app reads it as itself.
  if (!(await userHasPermission(deps, 'BROWSE_PROJECTS', { projectKey: configuration.projectKey }))) {
    throw new AppError('NOT_FOUND', `project ${configuration.projectKey} does not exist or is not visible to you`);
  }
  const job: MonthlyJob = { kind: 'monthly-report', projectKey: configuration.projectKey, month };
  const { version } = await effectiveSettings(deps.store);
  const progress = progressSchema.safeParse(await deps.store.get(key(job.projectKey, month, 'progress')));
  const running = progress.success && nowMs - progress.data.updatedAt < STALE_JOB_MS;
  const base = { ...empty, month };
  if (!forceRefresh) {
    const loaded = await loadSnapshot(deps, job.projectKey, month);
    const fresh =
      loaded !== null &&
      loaded.head.settingsVersion === version &&
      (loaded.head.complete || nowMs - loaded.head.snapshotAtMs < CURRENT_MONTH_TTL_MS);
    if (loaded !== null && (fresh || running)) {
      return {
        ...base,
        state: 'ready',
        snapshotAt: loaded.head.snapshotAt,
        settingsVersion: loaded.head.settingsVersion,
        report: loaded.snapshot.report,
        trend: loaded.snapshot.trend,
        progress:
          running && progress.success
            ? { phase: progress.data.phase, done: progress.data.done, total: progress.data.total }
            : null,
      };
    }
    const failure = failureSchema.safeParse(await deps.store.get(key(job.projectKey, month, 'failure')));
    if (failure.success && !running) return { ...base, state: 'failed', error: failure.data.message };
  }
  if (!running) await startJob(deps, job, nowMs);
  const current = running && progress.success ? progress.data : { phase: 'search' as const, done: 0, total: null };
  return { ...base, state: 'computing', progress: { phase: current.phase, done: current.done, total: current.total } };
};

/** The snapshot as a file, in French-friendly names. */
export const exportIndicators = async (
  deps: Deps,
  rawConfiguration: unknown,
  format: 'csv' | 'json',
  nowMs: number,
): Promise<{ filename: string; contentType: string; content: string }> => {
  const configuration = configurationOf(rawConfiguration);
  if (configuration === null) throw new AppError('BAD_REQUEST', 'the gadget is not configured');
  if (!(await userHasPermission(deps, 'BROWSE_PROJECTS', { projectKey: configuration.projectKey }))) {
    throw new AppError('NOT_FOUND', `project ${configuration.projectKey} does not exist or is not visible to you`);
  }
  const month = resolveMonth(configuration.month, nowMs);
  const loaded = await loadSnapshot(deps, configuration.projectKey, month);
  if (loaded === null) throw new AppError('NOT_FOUND', `no snapshot of ${month} yet: open the gadget to compute it`);
  const name = `indicateurs-${configuration.projectKey}-${month}`;
  return format === 'csv'
    ? {
        filename: `${name}.csv`,
        contentType: 'text/csv;charset=utf-8',
        content: monthlyReportCsv(loaded.snapshot.report),
      }
    : {
        filename: `${name}.json`,
        contentType: 'application/json',
        content: `${JSON.stringify(loaded.snapshot.report, null, 2)}\n`,
      };
};
