// The sprint-export adapter on the bundled sample (examples/sample-sprint-export.json, checked here against
// Atlassian's OpenAPI descriptions first: a fixture the schemas reject would be a wrong fixture) and on small
// variations of it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mapSprintExport, type SprintExport } from './map-sprint-export';
import type { SprintItem } from '../domain/capacity/sprint-capacity';
import { defaultSettings } from '../../test/support/clock-builders';
import { ms } from '../../test/support/builders';
import { validateJira, validateJiraResponse } from '../../test/support/openapi';

type Json = Record<string, unknown>;
type SampleIssue = {
  key: string;
  fields: Json & { status: unknown; issuetype: unknown; versions: unknown[] };
  changelog: { total: number; histories: unknown[] };
};
type Sample = {
  board: Json;
  sprints: Json[];
  issues: SampleIssue[];
  names: Record<string, string>;
  isLast: boolean;
  versions: Json[];
};

const SAMPLE_FILE = join(__dirname, '../../examples/sample-sprint-export.json');
const sample = (): Sample => JSON.parse(readFileSync(SAMPLE_FILE, 'utf8')) as Sample;

const mapped = (value: unknown = sample(), settings = defaultSettings()): SprintExport => {
  const result = mapSprintExport(value, settings);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
};
const itemOf = (exported: SprintExport, key: string): SprintItem => {
  const item = exported.items.find((i) => i.key === key);
  if (item === undefined) throw new Error(`${key} not mapped`);
  return item;
};
const issueOf = (value: Sample, key: string): SampleIssue => {
  const issue = value.issues.find((i) => i.key === key);
  if (issue === undefined) throw new Error(`${key} not in the sample`);
  return issue;
};

describe('examples/sample-sprint-export.json', () => {
  it('is valid Jira JSON: each part against the OpenAPI description of the response it comes from', () => {
    const { board, sprints, issues, names, isLast, versions } = sample();
    const errors: string[] = [];
    const check = (where: string, found: readonly string[]) => errors.push(...found.map((e) => `${where} ${e}`));
    check(
      'board',
      validateJiraResponse('software', 'get', '/rest/agile/1.0/board/{boardId}/configuration', 200, board),
    );
    // The agile spec gives GET /board/{boardId}/sprint an example but no schema: SprintBean is its bean.
    sprints.forEach((s, i) => check(`sprints[${i}]`, validateJira('software', 'SprintBean', s)));
    check(
      'search/jql',
      validateJiraResponse('platform', 'get', '/rest/api/3/search/jql', 200, { issues, names, isLast }),
    );
    for (const issue of issues) {
      check(issue.key, validateJira('platform', 'IssueBean', issue));
      check(`${issue.key}.status`, validateJira('platform', 'StatusDetails', issue.fields.status));
      check(`${issue.key}.issuetype`, validateJira('platform', 'IssueTypeDetails', issue.fields.issuetype));
      issue.fields.versions.forEach((v, i) =>
        check(`${issue.key}.versions[${i}]`, validateJira('platform', 'Version', v)),
      );
      check(`${issue.key}.changelog`, validateJira('platform', 'PageOfChangelogs', issue.changelog));
    }
    check(
      'versions',
      validateJiraResponse('platform', 'get', '/rest/api/3/project/{projectIdOrKey}/versions', 200, versions),
    );
    expect(errors).toEqual([]);
  });

  it('names every field its issues carry, and its issue fields hold the board’s sprints', () => {
    const { issues, names, sprints } = sample();
    const missing = issues.flatMap((issue) =>
      Object.keys(issue.fields)
        .filter((field) => names[field] === undefined)
        .map((field) => `${issue.key}.${field}`),
    );
    expect(missing).toEqual([]);
    const boardSprints = new Map(sprints.map((s) => [s.id, s]));
    const mismatched = issues.flatMap((issue) =>
      ((issue.fields.customfield_10020 as Json[] | null) ?? [])
        .filter((s) => boardSprints.get(s.id)?.startDate !== s.startDate)
        .map((s) => `${issue.key}: ${String(s.id)}`),
    );
    expect(mismatched).toEqual([]);
  });
});

describe('mapSprintExport', () => {
  it('reads the board: story points on customfield_10016, ranks on customfield_10019', () => {
    const exported = mapped();
    expect([exported.unit, exported.estimationField, exported.notes]).toEqual([
      'points',
      { id: 'customfield_10016', name: 'Story point estimate' },
      [],
    ]);
    expect(exported.sprints).toEqual([
      {
        id: 101,
        name: 'DEMAT Sprint 1',
        state: 'closed',
        startAtMs: ms('2026-02-02T09:00'),
        endAtMs: ms('2026-02-27T18:00'),
        completeAtMs: ms('2026-02-27T18:30'),
      },
      {
        id: 102,
        name: 'DEMAT Sprint 2',
        state: 'closed',
        startAtMs: ms('2026-03-02T09:00'),
        endAtMs: ms('2026-03-27T18:00'),
        completeAtMs: ms('2026-03-27T18:45'),
      },
      {
        id: 103,
        name: 'DEMAT Sprint 3',
        state: 'active',
        startAtMs: ms('2026-03-30T09:00'),
        endAtMs: ms('2026-04-24T18:00'),
        completeAtMs: null,
      },
    ]);
  });

  it('leaves out the issues never in a sprint (DEMAT-220, production backlog)', () => {
    const keys = mapped().items.map((i) => i.key);
    expect([keys.length, keys.includes('DEMAT-220')]).toEqual([19, false]);
  });

  it('replays the Sprint field: planned, carried over at each completion (DEMAT-203)', () => {
    expect(itemOf(mapped(), 'DEMAT-203').sprints).toEqual({
      initial: null,
      changes: [
        { atMs: ms('2026-01-20T10:00'), to: [] },
        { atMs: ms('2026-01-29T14:00'), to: [101] },
        { atMs: ms('2026-02-27T18:30'), to: [101, 102] },
        { atMs: ms('2026-03-27T18:45'), to: [101, 102, 103] },
      ],
    });
  });

  it('reads a cleared Sprint field (DEMAT-205 taken out of sprint 1)', () => {
    expect(itemOf(mapped(), 'DEMAT-205').sprints.changes.map((s) => s.to)).toEqual([[], [101], []]);
  });

  it('puts an issue created in a sprint in it from its creation (DEMAT-212, no Sprint change)', () => {
    expect(itemOf(mapped(), 'DEMAT-212').sprints).toEqual({
      initial: null,
      changes: [{ atMs: ms('2026-03-19T14:00'), to: [102] }],
    });
  });

  it.each<[string, Partial<SprintItem>]>([
    [
      'DEMAT-201',
      {
        issueType: 'Story',
        kind: null,
        severity: null,
        anomalyClass: null,
        rank: '0|i0010:',
        estimateMilli: 8000,
        loggedMs: 28 * 3_600_000,
        labels: [],
      },
    ],
    ['DEMAT-211', { kind: 'anomaly', severity: 'blocking', anomalyClass: 'production', estimateMilli: 5000 }],
    [
      'DEMAT-212',
      {
        severity: 'major',
        anomalyClass: 'production',
        labels: ['faille-securite'],
        estimateMilli: null,
        loggedMs: 12 * 3_600_000,
      },
    ],
    ['DEMAT-213', { severity: 'blocking', anomalyClass: 'validation' }],
    ['DEMAT-204', { severity: 'major', anomalyClass: 'validation', estimateMilli: 1000 }],
    ['DEMAT-219', { severity: 'blocking', anomalyClass: null }],
    ['DEMAT-203', { loggedMs: null }],
  ])('maps %s', (key, expected) => {
    expect(itemOf(mapped(), key)).toMatchObject(expected);
  });

  it('gives each status its category from the board’s issues (none is in "En validation Administration" any more)', () => {
    expect(itemOf(mapped(), 'DEMAT-201').statuses.changes.map((s) => `${s.to?.status}:${s.to?.category}`)).toEqual([
      'À qualifier:new',
      'En cours:indeterminate',
      'En validation Administration:null',
      'Validée:done',
      'Fermée:done',
    ]);
  });

  it('falls back on the settings for statuses no issue is in any more: stop statuses are done, not-started ones new', () => {
    const value = sample();
    value.issues = [issueOf(value, 'DEMAT-201')]; // in Fermée: the other statuses appear in its history only
    expect(itemOf(mapped(value), 'DEMAT-201').statuses.changes.map((s) => `${s.to?.status}:${s.to?.category}`)).toEqual(
      ['À qualifier:new', 'En cours:null', 'En validation Administration:null', 'Validée:done', 'Fermée:done'],
    );
  });

  it('reads an hours board: time estimates in seconds, as hours', () => {
    const value = sample();
    value.board.estimation = {
      type: 'field',
      field: { fieldId: 'timeoriginalestimate', displayName: 'Original Estimate' },
    };
    issueOf(value, 'DEMAT-201').fields.timeoriginalestimate = 45_000; // 12.5 h
    issueOf(value, 'DEMAT-202').fields.timetracking = { originalEstimateSeconds: 7_200 };
    const exported = mapped(value);
    expect([
      exported.unit,
      itemOf(exported, 'DEMAT-201').estimateMilli,
      itemOf(exported, 'DEMAT-202').estimateMilli,
      itemOf(exported, 'DEMAT-203').estimateMilli,
    ]).toEqual(['hours', 12_500, 2_000, null]);
  });

  it('reads Sprint changes by sprint names when they carry no ids', () => {
    const value = sample();
    const history = issueOf(value, 'DEMAT-203').changelog.histories[1] as { items: Json[] };
    history.items = history.items.map(({ from: _from, to: _to, ...rest }) => rest);
    expect(itemOf(mapped(value), 'DEMAT-203').sprints.changes.map((s) => s.to)).toEqual([
      [],
      [101],
      [101, 102],
      [101, 102, 103],
    ]);
  });

  it('leaves out a Sprint change naming unknown sprints, and says so', () => {
    const value = sample();
    const history = issueOf(value, 'DEMAT-203').changelog.histories[1] as { items: Json[] };
    history.items = history.items.map(({ from: _from, to: _to, ...rest }) => ({
      ...rest,
      toString: 'DEMAT Sprint 1, Sprint fantôme',
    }));
    const exported = mapped(value);
    expect(itemOf(exported, 'DEMAT-203').sprints.changes.map((s) => s.to)).toEqual([[], [101], [101, 102, 103]]);
    expect(exported.notes.map((n) => [n.code, n.message])).toEqual([
      ['SPRINT_CHANGE_UNREADABLE', expect.stringContaining('DEMAT-203')],
    ]);
  });

  it('says when an embedded changelog was truncated by Jira', () => {
    const value = sample();
    issueOf(value, 'DEMAT-201').changelog.total = 150;
    expect(mapped(value).notes.map((n) => [n.code, n.path.join('.')])).toEqual([
      ['CHANGELOG_TRUNCATED', 'issues.key=DEMAT-201.changelog'],
    ]);
  });

  it('finds the Sprint field by the configured name, and says when the export does not name it', () => {
    const value = sample();
    value.names = { ...value.names, customfield_10020: 'Sprints' };
    const renamed = mapped(value, defaultSettings({ reserve: { sprintField: 'sprints' } }));
    expect([renamed.notes, itemOf(renamed, 'DEMAT-212').sprints.changes.map((s) => s.to)]).toEqual([[], [[102]]]);
    const missing = mapped(value);
    expect(missing.notes.map((n) => n.code)).toEqual(['FIELD_NOT_FOUND']);
  });

  it('leaves out sub-tasks: the board does not count their estimates', () => {
    const value = sample();
    issueOf(value, 'DEMAT-202').fields.issuetype = {
      ...(issueOf(value, 'DEMAT-202').fields.issuetype as Json),
      subtask: true,
    };
    expect(mapped(value).items.map((i) => i.key)).not.toContain('DEMAT-202');
  });

  it('reports a broken issue and maps the others', () => {
    const value = sample();
    issueOf(value, 'DEMAT-202').fields.created = 'hier';
    const exported = mapped(value);
    expect([exported.items.length, exported.notes.map((n) => n.message)]).toEqual([
      18,
      [expect.stringMatching(/^DEMAT-202 is left out: "hier" is not a date-time/)],
    ]);
  });

  it.each<[string, (value: Sample) => unknown, RegExp]>([
    ['no board', ({ board: _board, ...rest }) => rest, /^board: the export has no board configuration: add "board"/],
    [
      'a board counting issues',
      (value) => ({ ...value, board: { ...value.board, estimation: { type: 'issueCount' } } }),
      /^board\.estimation: the board estimates by "issueCount", not by a field/,
    ],
    [
      'a malformed board',
      (value) => ({ ...value, board: { ...value.board, estimation: { type: 'field', field: { fieldId: 12 } } } }),
      /^board: the board configuration is malformed: estimation\.field\.fieldId/,
    ],
    ['no issues at all', ({ issues: _issues, ...rest }) => rest, /^: not a Jira export/],
  ])('refuses an export with %s', (_name, edit, message) => {
    const result = mapSprintExport(edit(sample()), defaultSettings());
    expect(result.ok ? [] : result.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      expect.stringMatching(message),
    ]);
  });
});
