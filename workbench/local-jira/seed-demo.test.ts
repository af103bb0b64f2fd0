// The demo data: deterministic, placed around the anchor as its comment says, and telling the stories it claims.
// The stories are checked with the app's own engine (the CLI pipeline: export → clocks), for anchors spread over two
// years, so that holidays, DST changes and every weekday and hour of the anchor are met.
import { DateTime } from 'luxon';
import { CONTRACT_ZONE } from '../../src/domain/contract-zone';
import { computeClocksReport } from '../../src/app/compute-clocks-report';
import { slaStatusOf } from '../../src/app/live-export';
import { parseSettings, type Settings } from '../../src/app/settings/parse-settings';
import type { IssueSlaView } from '../../src/contract';
import { createLocalJira } from './local-jira';
import { seedDemo } from './seed-demo';

const anchorOf = (iso: string): number => DateTime.fromISO(iso, { zone: CONTRACT_ZONE }).toMillis();
const REFERENCE_ANCHOR = anchorOf('2026-04-22T10:00'); // a Wednesday

const settingsResult = parseSettings({});
if (!settingsResult.ok) throw new Error('default settings do not parse');
const settings: Settings = settingsResult.value;

/** The export the CLI reads, fetched from the local Jira as the app reads it (search/jql + board sprints + versions). */
async function exportAt(anchorMs: number): Promise<unknown> {
  const jira = createLocalJira({ seed: { anchorMs }, now: () => anchorMs });
  const app = { kind: 'app' } as const;
  const search = await jira.handle({
    method: 'POST',
    path: '/rest/api/3/search/jql',
    caller: app,
    body: { jql: 'project = DEMAT ORDER BY key', fields: ['*all'], expand: 'names,changelog', maxResults: 100 },
  });
  const sprints = await jira.handle({ method: 'GET', path: '/rest/agile/1.0/board/1/sprint', caller: app });
  const versions = await jira.handle({ method: 'GET', path: '/rest/api/3/project/DEMAT/versions', caller: app });
  const page = search.body as { issues: unknown[]; names: Record<string, string>; isLast: boolean };
  expect(page.isLast).toBe(true);
  return { ...page, sprints: (sprints.body as { values: unknown[] }).values, versions: versions.body };
}

async function clocksAt(anchorMs: number, atMs = anchorMs): Promise<Map<string, IssueSlaView>> {
  const report = computeClocksReport(await exportAt(anchorMs), settings, atMs);
  if (!report.ok) throw new Error(report.issues.map((i) => i.message).join('; '));
  expect(report.value.warnings).toEqual([]);
  return new Map([...report.value.issues].map((issue) => [issue.key, issue]));
}

// One row per issue: kind, the app's "Statut SLA", each clock as `<id>:<state>[:breached]`, the anomaly class.
type Expected = readonly [
  key: string,
  kind: IssueSlaView['kind'],
  sla: ReturnType<typeof slaStatusOf>,
  clocks: readonly string[],
  anomalyClass?: string | null,
];
const W = (state: string, breached = false) => `workaround:${state}${breached ? ':breached' : ''}`;
const R = (state: string, breached = false) => `resolution:${state}${breached ? ':breached' : ''}`;
const STORIES: readonly Expected[] = [
  ['DEMAT-1', null, null, []],
  ['DEMAT-2', null, null, []],
  ['DEMAT-3', 'anomaly', 'met', [R('stopped')], 'validation'],
  ['DEMAT-4', 'anomaly', 'breached', [W('stopped'), R('stopped', true)], 'validation'],
  ['DEMAT-5', 'anomaly', 'breached', [W('stopped', true), R('stopped', true)], 'production'],
  ['DEMAT-6', 'incident', 'met', [R('stopped')]],
  ['DEMAT-7', 'anomaly', 'met', [W('stopped'), R('stopped')], 'production'],
  ['DEMAT-8', 'service-request', 'breached', [R('stopped', true)]],
  ['DEMAT-9', null, null, []],
  ['DEMAT-10', null, null, []],
  ['DEMAT-11', 'incident', 'met', [R('stopped')]],
  ['DEMAT-12', 'doc-anomaly', 'met', [R('stopped')]],
  ['DEMAT-13', 'incident', 'met', [R('stopped')]],
  ['DEMAT-14', 'anomaly', 'met', [W('stopped'), R('stopped')], 'validation'],
  ['DEMAT-15', 'service-request', 'met', [R('stopped')]],
  ['DEMAT-16', 'incident', 'breached', [R('stopped', true)]],
  ['DEMAT-17', 'doc-anomaly', 'running', [R('running')]],
  ['DEMAT-18', 'service-request', 'met', [R('stopped')]],
  ['DEMAT-19', 'anomaly', 'breached', [W('stopped'), R('running', true)], 'validation'],
  ['DEMAT-20', null, null, []],
  ['DEMAT-21', 'anomaly', 'running', [R('running')], null],
  ['DEMAT-22', 'anomaly', 'running', [R('running')], 'validation'],
  ['DEMAT-23', null, null, []],
  ['DEMAT-24', null, null, []],
  ['DEMAT-25', null, null, []],
  ['DEMAT-26', 'doc-anomaly', 'paused', [R('paused')]],
  ['DEMAT-27', 'anomaly', 'breached', [W('running', true), R('running', true)], 'validation'],
  ['DEMAT-28', 'service-request', 'paused', [R('paused')]],
  ['DEMAT-29', 'incident', 'breached', [R('running', true)]],
  ['DEMAT-30', 'anomaly', 'paused', [W('paused'), R('paused')], 'validation'],
  ['DEMAT-31', null, null, []],
  ['DEMAT-32', 'anomaly', 'breached', [W('running', true), R('running', true)], 'production'],
  ['DEMAT-33', 'anomaly', 'running', [W('running'), R('running')], 'validation'],
  ['DEMAT-34', 'anomaly', 'running', [W('running'), R('running')], 'validation'],
  ['DEMAT-35', 'incident', 'running', [R('running')]],
];

const summary = (issue: IssueSlaView): Expected => {
  const clocks = issue.clocks.map((c) => `${c.id}:${c.state}${c.breached ? ':breached' : ''}`);
  return issue.kind === 'anomaly'
    ? [issue.key, issue.kind, slaStatusOf(issue), clocks, issue.anomalyClass]
    : [issue.key, issue.kind, slaStatusOf(issue), clocks];
};

// Anchors: every 9th day over 2026–2027 at an hour that walks round the clock, plus the edges of an anchor week.
const SWEEP: readonly string[] = [
  ...Array.from(
    { length: 82 },
    (_, i) =>
      DateTime.fromObject(
        { year: 2026, month: 1, day: 1, hour: (i * 7) % 24, minute: (i * 13) % 60 },
        { zone: CONTRACT_ZONE },
      )
        .plus({ days: 9 * i })
        .toISO() as string,
  ),
  '2026-04-20T00:00:00.000+02:00', // the first instant of a week (Monday 00:00)
  '2026-04-26T23:59:59.000+02:00', // its last second (Sunday)
  '2026-03-29T03:30:00.000+02:00', // just after the spring DST change
  '2026-10-25T02:30:00.000+01:00', // the repeated hour of the autumn change
  '2026-05-14T12:00:00.000+02:00', // Ascension Thursday, in a week with 8 May
  '2026-12-25T09:00:00.000+01:00', // Christmas
];

describe('seedDemo', () => {
  it('gives the same state for the same anchor', () => {
    expect(JSON.stringify(seedDemo(REFERENCE_ANCHOR))).toBe(JSON.stringify(seedDemo(REFERENCE_ANCHOR)));
  });

  it('gives other dates, but the same issues, for another anchor', () => {
    const a = seedDemo(REFERENCE_ANCHOR);
    const b = seedDemo(anchorOf('2026-09-09T15:00'));
    expect(b.issues.map((i) => [i.key, i.summary, i.status, i.histories.length])).toEqual(
      a.issues.map((i) => [i.key, i.summary, i.status, i.histories.length]),
    );
    expect(b.issues[0]?.createdMs).not.toBe(a.issues[0]?.createdMs);
  });

  it('has 35 issues of the five types, keys in creation order, every change before the anchor', () => {
    for (const anchor of SWEEP.map((iso) => DateTime.fromISO(iso).toMillis())) {
      const state = seedDemo(anchor);
      expect(state.issues).toHaveLength(35);
      state.issues.forEach((issue, i) => {
        expect(issue.key).toBe(`DEMAT-${i + 1}`);
        if (i > 0) expect(issue.createdMs).toBeGreaterThan(state.issues[i - 1]?.createdMs ?? Infinity);
        for (const h of issue.histories) expect(h.atMs).toBeLessThan(anchor);
        expect(issue.updatedMs).toBeLessThan(anchor);
      });
    }
    const types = seedDemo(REFERENCE_ANCHOR).issues.map((i) => i.issueType);
    expect(new Set(types)).toEqual(
      new Set(['Anomalie', 'Incident', 'Anomalie documentaire', 'Demande de service', 'Story']),
    );
  });

  it('covers every anomaly severity in both environments, the three service levels and early incident starts', () => {
    const { issues } = seedDemo(REFERENCE_ANCHOR);
    const anomalies = new Set(
      issues
        .filter((i) => i.issueType === 'Anomalie')
        .map((i) => `${i.appValues['customfield_10100']}/${i.appValues['customfield_10101']}`),
    );
    for (const severity of ['Bloquante', 'Majeure', 'Mineure'])
      for (const env of ['Production', 'Validation']) expect(anomalies).toContain(`${severity}/${env}`);
    const incidents = issues.filter((i) => i.issueType === 'Incident');
    expect(new Set(incidents.map((i) => i.appValues['customfield_10102']))).toEqual(
      new Set(['OR', 'ARGENT', 'BRONZE']),
    );
    const early = incidents.filter(
      (i) =>
        i.appValues['customfield_10103'] !== null &&
        Date.parse((i.appValues['customfield_10103'] as string).replace(/(\d\d)(\d\d)$/, '$1:$2')) < i.createdMs,
    );
    expect(early.length).toBeGreaterThanOrEqual(2);
    const stories = issues.filter((i) => i.issueType === 'Story');
    expect(stories.every((s) => s.storyPoints !== null && s.appValues['customfield_10100'] === null)).toBe(true);
  });

  it('has a requalification by the Administration, pauses and reopenings in its histories', () => {
    const { issues } = seedDemo(REFERENCE_ANCHOR);
    const items = issues.flatMap((i) => i.histories.map((h) => ({ key: i.key, author: h.authorId, item: h.items })));
    const requalification = items.find((h) => h.item.some((x) => x.fieldId === 'customfield_10100'));
    expect(requalification).toMatchObject({ key: 'DEMAT-32', author: '5b10ac8d82e05b22cc7d4e01' });
    expect(requalification?.item[0]).toMatchObject({ fromString: 'Majeure', toString: 'Bloquante' });
    const statusTo = (name: string) =>
      items.filter((h) => h.item.some((x) => x.fieldId === 'status' && x.toString === name)).length;
    expect(statusTo('En attente Administration')).toBeGreaterThanOrEqual(4);
    expect(statusTo('En validation Administration')).toBeGreaterThanOrEqual(10);
    const reopenings = items.filter((h) =>
      h.item.some(
        (x) =>
          x.fieldId === 'status' &&
          x.toString === 'En cours' &&
          ['Validée', 'Fermée', 'Résolue'].includes(x.fromString ?? ''),
      ),
    );
    expect(reopenings.map((h) => h.key)).toEqual(['DEMAT-7', 'DEMAT-15', 'DEMAT-19']);
  });

  it('puts two closed 4-week sprints before the anchor week and an active one around the anchor', () => {
    for (const iso of SWEEP) {
      const anchor = DateTime.fromISO(iso, { zone: CONTRACT_ZONE });
      const monday = anchor.startOf('week');
      const [s1, s2, s3] = seedDemo(anchor.toMillis()).sprints;
      const local = (text: string | undefined) => DateTime.fromISO(text ?? '', { zone: CONTRACT_ZONE });
      expect([s1?.state, s2?.state, s3?.state]).toEqual(['closed', 'closed', 'active']);
      expect(local(s1?.startDate).toFormat('ccc HH:mm')).toBe('Mon 09:00');
      expect(local(s1?.endDate).toFormat('ccc HH:mm')).toBe('Fri 18:00');
      expect(local(s1?.endDate).diff(local(s1?.startDate), 'days').days).toBeCloseTo(25.375, 1);
      expect(local(s2?.endDate) < monday).toBe(true);
      expect(local(s2?.startDate).toISODate()).toBe(local(s1?.startDate).plus({ weeks: 4 }).toISODate());
      expect(local(s3?.startDate).toISODate()).toBe(monday.minus({ weeks: 1 }).toISODate());
      expect(local(s3?.startDate) <= anchor && anchor < local(s3?.endDate)).toBe(true);
    }
  });

  it('tells the stories it claims, whatever the anchor (checked with the app’s own clocks)', async () => {
    for (const iso of SWEEP) {
      const anchorMs = DateTime.fromISO(iso).toMillis();
      const clocks = await clocksAt(anchorMs);
      const got = STORIES.map(([key]) => {
        const issue = clocks.get(key);
        if (issue === undefined) throw new Error(`${key} is missing at ${iso}`);
        return summary(issue);
      });
      expect({ anchor: iso, issues: got }).toEqual({ anchor: iso, issues: STORIES });
    }
  }, 60_000);

  it('flags what it should: the production anomaly without version, the anomaly without severity, the requalification', async () => {
    const clocks = await clocksAt(REFERENCE_ANCHOR);
    expect(clocks.get('DEMAT-21')?.warnings.map((w) => w.code)).toContain('ANOMALY_CLASS_UNKNOWN');
    expect(clocks.get('DEMAT-33')?.warnings.map((w) => w.code)).toContain('SEVERITY_MISSING');
    expect(clocks.get('DEMAT-33')?.clocks.every((c) => c.targetMs === null)).toBe(true);
    expect(clocks.get('DEMAT-32')?.clocks[0]?.requalifications).toEqual([
      expect.objectContaining({ field: 'severity', from: 'major', to: 'blocking' }),
    ]);
    // The stopped breach does not move with time; the running blocking anomaly does.
    const later = await clocksAt(REFERENCE_ANCHOR, REFERENCE_ANCHOR + 7 * 86_400_000);
    expect(later.get('DEMAT-5')?.clocks).toEqual(clocks.get('DEMAT-5')?.clocks);
    expect(later.get('DEMAT-34')?.clocks[0]?.elapsedMs).toBeGreaterThan(
      clocks.get('DEMAT-34')?.clocks[0]?.elapsedMs ?? Infinity,
    );
  });
});
