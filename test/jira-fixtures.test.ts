// Recorded-style Jira JSON (examples/sample-export.json) and generated exports are checked against Atlassian's
// OpenAPI descriptions, then against the Jira conventions the schemas leave open (`fields` is free-form there).
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { validateJira, validateJiraResponse, type JiraSpec } from './support/openapi';
import {
  formatJiraDateTime,
  generateExport,
  parisWallTimeToEpochMs,
  statusBean,
  type JiraChangeHistory,
  type JiraExport,
  type JiraIssue,
  type StatusName,
} from './support/generate-export';

const SAMPLE_FILE = path.resolve(__dirname, '../examples/sample-export.json');
// Its shape is what the schema checks below establish; the cast only gives the checks typed access.
const sample = JSON.parse(fs.readFileSync(SAMPLE_FILE, 'utf8')) as JiraExport;
const generated = generateExport({ issues: 50, transitionsPerIssue: 8, seed: 2026 });

const PARIS = 'Europe/Paris';
const JIRA_INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d{4}$/;

/** One readable line per schema error, prefixed by where the value sits in the export. */
function schemaErrors(exported: JiraExport): string[] {
  const errors: string[] = [];
  const check = (where: string, found: readonly string[]) => errors.push(...found.map((e) => `${where} ${e}`));
  const component = (spec: JiraSpec, name: string, where: string, value: unknown) =>
    check(where, validateJira(spec, name, value));

  const searchPage = { issues: exported.issues, names: exported.names, isLast: exported.isLast };
  check('search/jql', validateJiraResponse('platform', 'get', '/rest/api/3/search/jql', 200, searchPage));
  for (const issue of exported.issues) {
    const at = issue.key;
    component('platform', 'IssueBean', at, issue);
    component('platform', 'StatusDetails', `${at}.status`, issue.fields.status);
    component('platform', 'IssueTypeDetails', `${at}.issuetype`, issue.fields.issuetype);
    issue.fields.versions.forEach((v, i) => component('platform', 'Version', `${at}.versions[${i}]`, v));
    if (issue.changelog !== undefined) {
      component('platform', 'PageOfChangelogs', `${at}.changelog`, issue.changelog);
      issue.changelog.histories.forEach((h, i) => component('platform', 'Changelog', `${at}.histories[${i}]`, h));
    }
  }
  const changelogs = exported.changelogs ?? [];
  check(
    'bulkfetch',
    validateJiraResponse('platform', 'post', '/rest/api/3/changelog/bulkfetch', 200, { issueChangeLogs: changelogs }),
  );
  changelogs.forEach((log, i) => {
    component('platform', 'IssueChangeLog', `changelogs[${i}]`, log);
    log.changeHistories.forEach((h, j) =>
      component('platform', 'Changelog', `changelogs[${i}].changeHistories[${j}]`, h),
    );
  });
  // The agile spec gives GET /board/{boardId}/sprint an example but no schema: SprintBean is its bean.
  (exported.sprints ?? []).forEach((s, i) => component('software', 'SprintBean', `sprints[${i}]`, s));
  const versions = exported.versions ?? [];
  check(
    'versions',
    validateJiraResponse('platform', 'get', '/rest/api/3/project/{projectIdOrKey}/versions', 200, versions),
  );
  versions.forEach((v, i) => component('platform', 'Version', `versions[${i}]`, v));
  return errors;
}

function historiesOf(exported: JiraExport, issue: JiraIssue): readonly JiraChangeHistory[] {
  if (issue.changelog !== undefined) return issue.changelog.histories;
  const log = (exported.changelogs ?? []).find((l) => l.issueId === issue.id);
  if (log === undefined) throw new Error(`${issue.key} has no changelog anywhere`);
  return log.changeHistories;
}

/** Europe/Paris offset of an instant as Jira writes it (`+0100`), by luxon: the simpler version to compare with. */
const parisOffsetOf = (text: string): string =>
  DateTime.fromISO(text, { setZone: true }).setZone(PARIS).toFormat('ZZZ');

const WORKFLOW: Readonly<Record<StatusName, readonly StatusName[]>> = {
  'À qualifier': ['En cours'],
  'En cours': ['En attente Administration', 'En validation Administration', 'Résolue'],
  'En attente Administration': ['En cours'],
  'En validation Administration': ['Contournement validé', 'Validée', 'Résolue', 'En cours'],
  'Contournement validé': ['En cours'],
  Validée: ['En production', 'Fermée', 'En cours'],
  Résolue: ['Fermée', 'En cours'],
  'En production': ['Fermée', 'En cours'],
  Fermée: ['En cours'],
};

const SEVERITIES: Readonly<Record<string, readonly (string | null)[]>> = {
  Anomalie: ['Bloquante', 'Majeure', 'Mineure'],
  Incident: ['Bloquante', 'Majeure', 'Mineure'],
  'Anomalie documentaire': ['Critique', 'Majeure', 'Mineure'],
  'Demande de service': ['Élevée', 'Moyenne', 'Basse'],
  Story: [null],
};

const NEVER_ENTERS: Readonly<Record<string, readonly StatusName[]>> = {
  Anomalie: ['Résolue'],
  Incident: ['Contournement validé', 'Validée', 'En production'],
  'Anomalie documentaire': ['Contournement validé', 'Validée', 'En production'],
  'Demande de service': ['Contournement validé', 'Validée', 'En production'],
  Story: ['Résolue', 'Contournement validé', 'En production'],
};

/** The Jira conventions an export must follow beyond the schemas; one line per violation. */
function conventionErrors(exported: JiraExport): string[] {
  const errors: string[] = [];
  const fail = (message: string) => errors.push(message);
  const instant = (where: string, text: string) => {
    if (!JIRA_INSTANT.test(text)) fail(`${where}: ${text} is not written as Jira writes instants`);
    else if (parisOffsetOf(text) !== text.slice(-5)) fail(`${where}: ${text} has not the Paris offset of that instant`);
  };
  const sprintsById = new Map((exported.sprints ?? []).map((s) => [s.id, s]));
  const versionsById = new Map((exported.versions ?? []).map((v) => [v.id, v]));
  const inChangelogs = new Set((exported.changelogs ?? []).map((l) => l.issueId));

  for (const issue of exported.issues) {
    const { key, fields } = issue;
    const type = fields.issuetype.name;
    for (const field of Object.keys(fields))
      if (exported.names[field] === undefined) fail(`${key}: names lacks ${field}`);
    if ((issue.changelog === undefined) === !inChangelogs.has(issue.id))
      fail(`${key}: histories must be in exactly one place`);
    instant(`${key}.created`, fields.created);
    instant(`${key}.updated`, fields.updated);
    const createdMs = Date.parse(fields.created.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));

    if (!(SEVERITIES[type] ?? []).includes(fields.customfield_10100?.value ?? null))
      fail(`${key}: Gravité ${fields.customfield_10100?.value} for ${type}`);
    if ((type === 'Anomalie') !== (fields.customfield_10101 !== null))
      fail(`${key}: Environnement de détection is for anomalies only`);
    if ((type === 'Incident') !== (fields.customfield_10102 !== null))
      fail(`${key}: Niveau de service is for incidents only`);
    if (fields.customfield_10103 !== null) {
      if (type !== 'Incident') fail(`${key}: Début d'incident on a ${type}`);
      instant(`${key}.customfield_10103`, fields.customfield_10103);
      if (Date.parse(fields.customfield_10103.replace(/([+-]\d\d)(\d\d)$/, '$1:$2')) > createdMs)
        fail(`${key}: incident starts after creation`);
    }
    for (const sprint of fields.customfield_10020 ?? []) {
      const bean = sprintsById.get(sprint.id);
      if (
        bean === undefined ||
        bean.name !== sprint.name ||
        bean.state !== sprint.state ||
        bean.startDate !== sprint.startDate
      ) {
        fail(`${key}: sprint ${sprint.id} does not match the board's sprint`);
      }
    }
    for (const version of fields.versions) {
      if (versionsById.get(version.id)?.releaseDate !== version.releaseDate)
        fail(`${key}: version ${version.name} unknown`);
    }

    let status: StatusName = 'À qualifier';
    let lastText = fields.created;
    let lastMs = createdMs;
    for (const history of historiesOf(exported, issue)) {
      instant(`${key}.history ${history.id}`, history.created);
      const atMs = Date.parse(history.created.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
      if (!(atMs > lastMs)) fail(`${key}: history ${history.id} is not after ${lastText}`);
      lastMs = atMs;
      lastText = history.created;
      for (const item of history.items) {
        if (item.fieldId === 'status') {
          const to = item.toString as StatusName;
          if (item.fromString !== status)
            fail(`${key}: history ${history.id} leaves ${item.fromString}, issue was in ${status}`);
          if (!(WORKFLOW[status] ?? []).includes(to)) fail(`${key}: ${status} → ${to} is not in the workflow`);
          if (item.from !== statusBean(status).id || item.to !== statusBean(to).id)
            fail(`${key}: status ids of history ${history.id}`);
          if ((NEVER_ENTERS[type] ?? []).includes(to)) fail(`${key}: a ${type} never enters ${to}`);
          status = to;
        } else if (item.fieldId !== 'customfield_10100' || item.field !== 'Gravité' || item.fieldtype !== 'custom') {
          fail(`${key}: unexpected change of ${item.field}`);
        }
      }
    }
    if (fields.status.name !== status) fail(`${key}: status ${fields.status.name}, history ends in ${status}`);
    if (fields.updated !== lastText) fail(`${key}: updated ${fields.updated}, last change ${lastText}`);
  }
  return errors;
}

/** Every path of a JSON value with the types found there (`issues[].fields.customfield_10103:string`). */
function shapeOf(value: unknown, at = '', into = new Set<string>()): Set<string> {
  if (value === null) into.add(`${at}:null`);
  else if (Array.isArray(value)) {
    into.add(`${at}:array`);
    for (const item of value) shapeOf(item, `${at}[]`, into);
  } else if (typeof value === 'object') {
    into.add(`${at}:object`);
    for (const [key, child] of Object.entries(value)) shapeOf(child, `${at}.${key}`, into);
  } else into.add(`${at}:${typeof value}`);
  return into;
}

describe('examples/sample-export.json', () => {
  it('is valid against the Jira OpenAPI descriptions, part by part', () => {
    expect(schemaErrors(sample)).toEqual([]);
  });

  it('follows the Jira conventions the schemas leave open', () => {
    expect(conventionErrors(sample)).toEqual([]);
  });

  it('tells the fifteen stories of examples/README.md', () => {
    expect(sample.issues.map((i) => i.key)).toEqual(Array.from({ length: 15 }, (_, i) => `DEMAT-${101 + i}`));
    const typeCount = (name: string) => sample.issues.filter((i) => i.fields.issuetype.name === name).length;
    expect([
      typeCount('Anomalie'),
      typeCount('Incident'),
      typeCount('Anomalie documentaire'),
      typeCount('Demande de service'),
      typeCount('Story'),
    ]).toEqual([9, 3, 1, 1, 1]);
    expect(sample.changelogs?.map((l) => l.issueId)).toEqual(['10104', '10110']);
    const levels = sample.issues.map((i) => i.fields.customfield_10102?.value).filter((v) => v !== undefined);
    expect(levels).toEqual(['OR', 'ARGENT', 'BRONZE']);
    const requalified = historiesOf(sample, sample.issues[5] as JiraIssue)
      .flatMap((h) => h.items)
      .filter((i) => i.field === 'Gravité');
    expect(requalified.map((i) => [i.fromString, i.toString])).toEqual([['Majeure', 'Bloquante']]);
  });

  it('has instants on both sides of the DST change of 2026-03-29', () => {
    const offsets = new Set(sample.issues.flatMap((i) => historiesOf(sample, i).map((h) => h.created.slice(-5))));
    expect([...offsets].sort()).toEqual(['+0100', '+0200']);
  });

  it('has three 4-week sprints on board 1, Monday 09:00 to Friday 18:00 Paris time, the last one active', () => {
    const sprints = sample.sprints ?? [];
    expect(sprints.map((s) => [s.state, s.originBoardId])).toEqual([
      ['closed', 1],
      ['closed', 1],
      ['active', 1],
    ]);
    for (const sprint of sprints) {
      const start = DateTime.fromISO(sprint.startDate, { zone: PARIS });
      const end = DateTime.fromISO(sprint.endDate, { zone: PARIS });
      expect([start.weekday, start.toFormat('HH:mm'), end.weekday, end.toFormat('HH:mm')]).toEqual([
        1,
        '09:00',
        5,
        '18:00',
      ]);
      expect(end.startOf('day').diff(start.startOf('day'), 'days').days).toBe(25); // 20 weekdays
    }
    expect(sprints.map((s) => DateTime.fromISO(s.startDate, { zone: PARIS }).toISODate())).toEqual([
      '2026-02-02',
      '2026-03-02',
      '2026-03-30',
    ]);
  });

  it('has the two PLATAU releases', () => {
    expect(sample.versions?.map((v) => [v.name, v.releaseDate, v.released])).toEqual([
      ['PLATAU 4.2', '2026-01-15', true],
      ['PLATAU 4.3', '2026-03-10', true],
    ]);
  });
});

describe('generateExport', () => {
  it('is valid against the Jira OpenAPI descriptions, part by part', () => {
    expect(schemaErrors(generated)).toEqual([]);
  });

  it('follows the Jira conventions the schemas leave open', () => {
    expect(conventionErrors(generated)).toEqual([]);
  });

  it('has exactly the format of the sample (same paths, same types)', () => {
    expect([...shapeOf(generated)].sort()).toEqual([...shapeOf(sample)].sort());
  });

  it('makes exactly transitionsPerIssue status changes per issue', () => {
    for (const issue of generated.issues) {
      const statusChanges = historiesOf(generated, issue)
        .flatMap((h) => h.items)
        .filter((i) => i.fieldId === 'status');
      expect(statusChanges).toHaveLength(8);
    }
  });

  it('mixes kinds, service levels, environments, pauses and reopenings', () => {
    const big = generateExport({ issues: 400, transitionsPerIssue: 10, seed: 7 });
    const values = (pick: (i: JiraIssue) => string | undefined) =>
      new Set(big.issues.map(pick).filter((v) => v !== undefined));
    expect(values((i) => i.fields.issuetype.name).size).toBe(5);
    expect(values((i) => i.fields.customfield_10102?.value)).toEqual(new Set(['OR', 'ARGENT', 'BRONZE']));
    expect(values((i) => i.fields.customfield_10101?.value)).toEqual(new Set(['Validation', 'Production']));
    const moves = new Set(
      big.issues.flatMap((i) =>
        historiesOf(big, i).flatMap((h) => h.items.map((it) => `${it.fromString} → ${it.toString}`)),
      ),
    );
    for (const move of [
      'En cours → En attente Administration',
      'Validée → En cours',
      'Fermée → En cours',
      'Majeure → Bloquante',
    ]) {
      expect(moves).toContain(move);
    }
    const years = values((i) => i.fields.created.slice(0, 4));
    expect(years).toEqual(new Set(['2025', '2026']));
  });

  it('is deterministic for a seed and varies with it', () => {
    const again = generateExport({ issues: 50, transitionsPerIssue: 8, seed: 2026 });
    expect(JSON.stringify(again)).toBe(JSON.stringify(generated));
    expect(JSON.stringify(generateExport({ issues: 50, transitionsPerIssue: 8, seed: 2027 }))).not.toBe(
      JSON.stringify(generated),
    );
  });

  it('makes the benchmark input: 20 000 issues × 15 transitions (its time is printed by npm run bench, not asserted)', () => {
    const big = generateExport({ issues: 20_000, transitionsPerIssue: 15, seed: 1 });
    expect(big.issues).toHaveLength(20_000);
  });

  it('refuses counts that are not non-negative integers', () => {
    expect(() => generateExport({ issues: -1, transitionsPerIssue: 1, seed: 1 })).toThrow(RangeError);
    expect(() => generateExport({ issues: 1, transitionsPerIssue: 1.5, seed: 1 })).toThrow(RangeError);
  });
});

describe('Paris time without a time-zone library', () => {
  const instant = fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2030, 11, 31) });

  it('formats like luxon in Europe/Paris', () => {
    fc.assert(
      fc.property(instant, (ms) => {
        expect(formatJiraDateTime(ms)).toBe(
          DateTime.fromMillis(ms, { zone: PARIS }).toFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZZZ"),
        );
      }),
    );
  });

  it.each([
    ['last winter minute before spring-forward', Date.UTC(2026, 2, 29, 0, 59, 59, 999), '2026-03-29T01:59:59.999+0100'],
    ['first summer instant', Date.UTC(2026, 2, 29, 1), '2026-03-29T03:00:00.000+0200'],
    ['first winter instant after fall-back', Date.UTC(2026, 9, 25, 1), '2026-10-25T02:00:00.000+0100'],
    ['new year in Paris, still 31 Dec in UTC', Date.UTC(2025, 11, 31, 23, 30), '2026-01-01T00:30:00.000+0100'],
  ])('%s', (_name, ms, expected) => {
    expect(formatJiraDateTime(ms)).toBe(expected);
  });

  it('reads Paris wall times like luxon (except the repeated hour of fall-back, which is ambiguous)', () => {
    fc.assert(
      fc.property(instant, (ms) => {
        const wall = DateTime.fromMillis(ms, { zone: PARIS });
        fc.pre(!(wall.month === 10 && wall.hour === 2 && wall.day >= 25 && wall.weekday === 7)); // the repeated hour
        expect(parisWallTimeToEpochMs(wall.year, wall.month, wall.day, wall.hour, wall.minute)).toBe(
          wall.startOf('minute').toMillis(),
        );
      }),
    );
  });
});
