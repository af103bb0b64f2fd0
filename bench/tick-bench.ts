// Issue 10, Figures: the Jira calls of one scheduled tick on a 20,000-issue project with 200 clocks due, by kind
// (the scheduled search's pages, the recompute's searches, property writes, other). The aim: one search page for
// the tick, and at most one property write per changed issue.
import { performance } from 'node:perf_hooks';
import { APP_FIELD_KEYS } from '../src/contract';
import { SLA_PROPERTY_INDEX } from '../src/contract/sla-property';
import { isRecord } from '../src/domain/is-record';
import type { Deps, QueueJob } from '../src/app/ports';
import { recomputeIssues } from '../src/app/recompute-issues';
import { scheduleDueSoon } from '../src/app/schedule-recompute';
import { jiraGateway } from '../src/jira/jira-gateway';
import { generateExport } from '../test/support/generate-export';
import { ManualClock } from '../workbench/host/clocks';
import { ExportJira } from './export-jira';

const DUE = 200;
const WINDOW_MS = 10 * 60_000;
const RECENT_MS = 30 * 86_400_000;
/** The fields the bench's Jira presents as the app's own (the generated export has none). */
const APP_FIELDS = {
  customfield_19001: APP_FIELD_KEYS.anomalyClass,
  customfield_19002: APP_FIELD_KEYS.slaStatus,
  customfield_19003: APP_FIELD_KEYS.slaDue,
} as const;
const INDEXED = new Set<string>(SLA_PROPERTY_INDEX.map((p) => p.path));

const checkOf = (value: unknown): number => (isRecord(value) ? Date.parse(String(value['nextCheckAt'])) : NaN);
/** The indexed content of a stored value, durations and computedAt aside (what a changed issue changes). */
const indexed = (value: unknown): string =>
  isRecord(value)
    ? JSON.stringify(
        Object.keys(value)
          .filter((k) => INDEXED.has(k) && !/Ms$/.test(k) && k !== 'computedAt')
          .sort()
          .map((k) => [k, value[k]]),
      )
    : '';

export const scheduledTickBench = async (): Promise<void> => {
  const t = performance.now();
  // An instant inside the generated history (its issues are created from 2025-01-06 on): recent issues still run.
  const clock = new ManualClock(Date.parse('2026-06-01T10:00:00+02:00'));
  const createdOf = (issue: { fields: object }): number =>
    isRecord(issue.fields) ? Date.parse(String(issue.fields['created']).replace(/([+-]\d\d)(\d\d)$/, '$1:$2')) : NaN;
  const recent = (issue: { fields: object }): boolean =>
    createdOf(issue) <= clock.nowMs() && createdOf(issue) > clock.nowMs() - RECENT_MS;
  // One generated project has about 70 clocks still running on time at any instant; the recent issues of three more
  // generations take the place of old ones (same ids), so that the 20,000-issue project has 200 due.
  const base = generateExport({ issues: 20_000, transitionsPerIssue: 15, seed: 42 });
  const issues = new Map(base.issues.map((i) => [i.id, i]));
  const changelogs = new Map((base.changelogs ?? []).map((c) => [c.issueId, c]));
  for (const seed of [43, 44, 45]) {
    const more = generateExport({ issues: 20_000, transitionsPerIssue: 15, seed });
    const logs = new Map((more.changelogs ?? []).map((c) => [c.issueId, c]));
    for (const issue of more.issues) {
      const old = issues.get(issue.id);
      if (!recent(issue) || (old !== undefined && recent(old))) continue;
      issues.set(issue.id, issue);
      changelogs.delete(issue.id);
      const log = logs.get(issue.id);
      if (log !== undefined) changelogs.set(issue.id, log);
    }
  }
  const exported = {
    ...base,
    issues: [...issues.values()],
    changelogs: [...changelogs.values()],
    names: { ...base.names, ...Object.fromEntries(Object.keys(APP_FIELDS).map((id) => [id, id])) },
  } as unknown as ConstructorParameters<typeof ExportJira>[0];
  let picked: readonly string[] = [];
  const jira = new ExportJira(exported, {
    appFieldKeys: APP_FIELDS,
    // What `issue.property[contractSla].nextCheckAt <= "10m"` finds among the stored properties.
    scheduled: (properties) =>
      [...properties.entries()].filter(([, v]) => checkOf(v) <= clock.nowMs() + WINDOW_MS).map(([id]) => id),
  });
  const values = new Map<string, unknown>();
  const queued: QueueJob[] = [];
  const deps: Deps = {
    app: { appId: 'app', environmentId: 'env' },
    jira: jiraGateway(jira),
    store: {
      get: async (k: string) => values.get(k),
      set: async (k: string, v: unknown) => void values.set(k, v),
      delete: async (k: string) => void values.delete(k),
    },
    queue: { push: async (jobs: readonly QueueJob[]) => void queued.push(...jobs) },
    clock,
  };
  // The state before the tick: the recent issues computed once (their properties stored), then the 200 running
  // clocks with the earliest checks kept as the stored state the search sees.
  const ids = exported.issues.filter(recent).map((i) => i.id);
  await recomputeIssues(deps, ids, clock.nowMs());
  const running = [...jira.properties.entries()]
    .filter(([, v]) => !Number.isNaN(checkOf(v)))
    .sort((a, b) => checkOf(a[1]) - checkOf(b[1]))
    .slice(0, DUE);
  jira.properties.clear();
  for (const [id, v] of running) jira.properties.set(id, v);
  picked = running.map(([id]) => id);
  const before = new Map(running.map(([id, v]) => [id, indexed(v)]));
  const lastCheck = Math.max(...running.map(([, v]) => checkOf(v)));
  const spreadH = (lastCheck - checkOf(running[0]?.[1])) / 3_600_000;
  // The tick: every one of the 200 is due within the window (the worst case: all in one tick).
  if (lastCheck - WINDOW_MS + 60_000 > clock.nowMs()) clock.advance(lastCheck - WINDOW_MS + 60_000 - clock.nowMs());
  jira.calls.clear();
  await scheduleDueSoon(deps);
  const tickSearchPages = jira.calls.get('POST /rest/api/3/search/jql') ?? 0;
  // The consumer recomputes the queued batches (each on its own invocation on Forge).
  for (const job of queued.splice(0))
    if (!('kind' in job) || job.kind === 'recompute') await recomputeIssues(deps, job.issueIds, clock.nowMs());
  const searches = jira.calls.get('POST /rest/api/3/search/jql') ?? 0;
  const propertyWrites = [...jira.calls.entries()]
    .filter(([route]) => route.startsWith('PUT /rest/api/3/issue/') && route.endsWith('/properties/contractSla'))
    .reduce((n, [, c]) => n + c, 0);
  const changed = picked.filter((id) => before.get(id) !== indexed(jira.properties.get(id))).length;
  const other = jira.total() - searches - propertyWrites;
  const otherRoutes = [...jira.calls.entries()]
    .filter(([route]) => route !== 'POST /rest/api/3/search/jql' && !route.endsWith('/properties/contractSla'))
    .map(([route, n]) => `${n} ${route}`)
    .join(', ');
  console.log(
    `scheduled tick (issue 10): 20,000-issue project, ${picked.length} clocks due in one tick (the 200 earliest checks, spread over ${spreadH.toFixed(1)} h, all passed: the worst case of one tick): ${jira.total()} Jira calls = ${tickSearchPages} scheduled search page(s) + ${searches - tickSearchPages} recompute searches (50 ids a search) + ${propertyWrites} property writes (${changed} issues changed) + ${other} other (${otherRoutes}), ${Math.round(performance.now() - t)} ms`,
  );
  console.log(
    `scheduled tick (issue 10): vs the aim (1 search page, <= 1 property write per changed issue): search pages ${tickSearchPages}/1 = ×${tickSearchPages.toFixed(2)}, property writes ${propertyWrites}/${changed} = ×${changed === 0 ? '–' : (propertyWrites / changed).toFixed(2)}`,
  );
  // The next tick, 5 minutes later: what the first one wrote plans its checks ahead; issues still due are picked
  // (those whose next check falls in the window) and rewritten only when their indexed content changes.
  jira.calls.clear();
  clock.advance(5 * 60_000);
  const next = await scheduleDueSoon(deps);
  for (const job of queued.splice(0))
    if (!('kind' in job) || job.kind === 'recompute') await recomputeIssues(deps, job.issueIds, clock.nowMs());
  const nextWrites = [...jira.calls.entries()]
    .filter(([route]) => route.endsWith('/properties/contractSla'))
    .reduce((n, [, c]) => n + c, 0);
  console.log(
    `scheduled tick (issue 10): the next tick (5 min later): ${next.issues} issues picked, ${jira.total()} Jira calls, ${nextWrites} property writes`,
  );
};
