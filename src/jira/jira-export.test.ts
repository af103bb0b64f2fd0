// The Jira adapter on Jira-shaped fakes: every fake is built by the export builder and validated against
// Atlassian's OpenAPI description before it is used (a fake the schema rejects would be a wrong fake).
import { parseJiraExport, isBroken, type JiraIssueRecord } from './jira-export';
import { mapIssue, resolveFields } from '../app/map-issue';
import { defaultSettings } from '../../test/support/clock-builders';
import {
  buildExport,
  parisWallTimeToEpochMs,
  type IssueEvent,
  type IssueSpec,
  type JiraExport,
} from '../../test/support/generate-export';
import { expectValidJira, expectValidJiraResponse } from '../../test/support/openapi';

const paris = (day: number, hour: number, minute = 0): number => parisWallTimeToEpochMs(2026, 3, day, hour, minute);

const spec = (overrides: Partial<IssueSpec> & { events?: readonly IssueEvent[] }): IssueSpec => ({
  number: 1,
  type: 'Anomalie',
  summary: 'Instruction impossible',
  createdMs: paris(2, 9),
  severity: 'Majeure',
  environment: 'Validation',
  serviceLevel: null,
  incidentStartMs: null,
  affectedVersions: [],
  sprints: [],
  storyPoints: null,
  events: [],
  changelogAtTopLevel: false,
  ...overrides,
});

const exportOf = (...specs: IssueSpec[]): JiraExport => {
  const built = buildExport(specs, { sprints: [], versions: [], firstHistoryId: 1 });
  const { changelogs, sprints: _sprints, versions: _versions, ...searchPage } = built;
  expectValidJiraResponse('platform', 'get', '/rest/api/3/search/jql', 200, searchPage);
  if (changelogs && changelogs.length > 0)
    expectValidJiraResponse('platform', 'post', '/rest/api/3/changelog/bulkfetch', 200, {
      issueChangeLogs: changelogs,
    });
  return built;
};

/** The first issue of an export, with its embedded changelog (the builder always embeds unless asked otherwise). */
const firstIssue = (exported: JiraExport) => {
  const issue = exported.issues[0];
  if (!issue?.changelog) throw new Error('the fake has no embedded changelog');
  return { ...issue, changelog: issue.changelog };
};

const mapped = (exported: unknown, settings = defaultSettings()) => {
  const parsed = parseJiraExport(exported);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  const record = parsed.value.issues[0] as JiraIssueRecord;
  expect(isBroken(record)).toBe(false);
  return mapIssue(record, settings, resolveFields(settings.fields, parsed.value.names), parsed.value.versions);
};

const events: readonly IssueEvent[] = [
  { atMs: paris(2, 10), by: 'titulaire', toStatus: 'En cours' },
  { atMs: paris(2, 11), by: 'administration', toSeverity: 'Bloquante' },
  { atMs: paris(2, 12), by: 'titulaire', toStatus: 'En attente Administration' },
];

describe('mapIssue', () => {
  it('reads kind, status history and severity history from option values and changelog items (by field name)', () => {
    const issue = mapped(exportOf(spec({ events })));
    expect(issue.kind).toBe('anomaly');
    expect(issue.facts?.initialStatus).toBe('À qualifier');
    expect(issue.facts?.statusChanges.map((c) => [c.atMs, c.to])).toEqual([
      [paris(2, 10), 'En cours'],
      [paris(2, 12), 'En attente Administration'],
    ]);
    expect(issue.facts?.severity).toEqual({
      initial: 'major',
      changes: [{ atMs: paris(2, 11), from: 'major', to: 'blocking', fromText: 'Majeure', toText: 'Bloquante' }],
    });
    expect(issue.environment).toBe('validation');
    expect(issue.warnings).toEqual([]);
  });

  it('reads the same issue whether its histories are embedded or in bulkfetch changelogs', () => {
    const embedded = mapped(exportOf(spec({ events })));
    const bulk = mapped(exportOf(spec({ events, changelogAtTopLevel: true })));
    expect(bulk.facts).toEqual(embedded.facts);
  });

  it('accepts histories newest first (as some expands send them)', () => {
    const exported = exportOf(spec({ events }));
    const issue = firstIssue(exported);
    const reversed = {
      ...exported,
      issues: [{ ...issue, changelog: { ...issue.changelog, histories: [...issue.changelog.histories].reverse() } }],
    };
    expect(mapped(reversed).facts).toEqual(mapped(exported).facts);
  });

  it('finds fields by id when the settings give ids', () => {
    const issue = mapped(
      exportOf(spec({ events })),
      defaultSettings({ fields: { severity: 'customfield_10100', environment: 'customfield_10101' } }),
    );
    expect([issue.facts?.severity.initial, issue.environment]).toEqual(['major', 'validation']);
  });

  it('reads incidents: service level and incident start', () => {
    const issue = mapped(
      exportOf(
        spec({
          type: 'Incident',
          severity: 'Bloquante',
          environment: null,
          serviceLevel: 'OR',
          incidentStartMs: paris(2, 8, 30),
        }),
      ),
    );
    expect([issue.kind, issue.facts?.serviceLevel.initial, issue.facts?.incidentStartAtMs]).toEqual([
      'incident',
      'gold',
      paris(2, 8, 30),
    ]);
  });

  it.each<[string, Partial<IssueSpec>, string]>([
    ["a severity outside the kind's scale", { type: 'Demande de service', severity: 'Bloquante' }, 'SEVERITY_UNKNOWN'],
    ['an anomaly without detection environment', { environment: null }, 'ENVIRONMENT_MISSING'],
    ['a story', { type: 'Story', severity: null }, 'NOT_A_CONTRACT_ISSUE_TYPE'],
  ])('warns about %s', (_name, overrides, code) => {
    expect(mapped(exportOf(spec(overrides))).warnings.map((w) => w.code)).toContain(code);
  });

  it('warns when the embedded changelog was truncated by Jira', () => {
    const exported = exportOf(spec({ events }));
    const issue = firstIssue(exported);
    const truncated = { ...exported, issues: [{ ...issue, changelog: { ...issue.changelog, total: 240 } }] };
    expect(mapped(truncated).warnings.map((w) => w.code)).toContain('CHANGELOG_TRUNCATED');
  });

  it('warns when a status change does not start from the status before it', () => {
    const exported = exportOf(spec({ events }));
    const issue = firstIssue(exported);
    const histories = issue.changelog.histories.map((h, i) =>
      i === 2 ? { ...h, items: h.items.map((item) => ({ ...item, fromString: 'Fermée' })) } : h,
    );
    expectValidJira('platform', 'Changelog', histories[2]);
    const broken = { ...exported, issues: [{ ...issue, changelog: { ...issue.changelog, histories } }] };
    expect(mapped(broken).warnings.map((w) => w.code)).toContain('STATUS_CHAIN_BROKEN');
  });
});

describe('parseJiraExport', () => {
  it('keeps sprints and versions, and reports the malformed ones without failing', () => {
    const parsed = parseJiraExport({
      issues: [],
      sprints: [
        {
          id: 1,
          name: 'S1',
          state: 'closed',
          startDate: '2026-02-02T08:00:00.000Z',
          endDate: '2026-02-27T17:00:00.000Z',
        },
        { name: 'no id' },
      ],
      versions: [{ name: '4.3', releaseDate: '2026-03-10' }, { releaseDate: 12 }],
    });
    expect(
      parsed.ok && [
        parsed.value.sprints.map((s) => s.name),
        parsed.value.versions.map((v) => v.name),
        parsed.value.notes.map((n) => n.path.join('.')),
      ],
    ).toEqual([['S1'], ['4.3'], ['sprints.1', 'versions.1']]);
  });

  it('refuses a document that is not an export, naming what is missing', () => {
    const parsed = parseJiraExport({ values: [] });
    expect(parsed.ok ? [] : parsed.issues.map((i) => i.message)).toEqual([
      expect.stringMatching(/^not a Jira export: .*issues: expected array/),
    ]);
  });

  it.each<[string, unknown, string]>([
    [
      'a history with items that are not objects',
      { id: '1', created: '2026-03-02T10:00:00.000+0100', items: ['status'] },
      'change history is malformed (items.0: expected an object)',
    ],
    [
      'a history with a date without offset',
      { id: '1', created: '2026-03-02 10:00', items: [] },
      '"2026-03-02 10:00" is not a date-time with an offset',
    ],
    [
      'a history that is a hostile string',
      '<script>alert(1)</script>',
      'change history is malformed (expected an object)',
    ],
  ])('gives the issue an error for %s, with its path', (_name, history, message) => {
    const parsed = parseJiraExport({
      issues: [
        {
          id: '1',
          key: 'X-1',
          fields: { created: '2026-03-02T09:00:00.000+0100' },
          changelog: { histories: [history] },
        },
      ],
    });
    const issue = parsed.ok ? parsed.value.issues[0] : undefined;
    expect(issue && isBroken(issue) ? issue.errors.map((e) => [e.path.join('.'), e.message]) : []).toEqual([
      [expect.stringMatching(/^issues\.0\.changelog\.histories\.0/), message],
    ]);
  });
});

describe('parseJiraExport: change items', () => {
  it('reads an item without "to"/"toString" (a cleared value, as the OpenAPI description allows) as null, not as Object.prototype.toString', () => {
    const item = {
      field: 'Sprint',
      fieldtype: 'custom',
      fieldId: 'customfield_10020',
      from: '101',
      fromString: 'DEMAT Sprint 1',
    };
    // Not checked against the OpenAPI harness: Ajv reads a missing "toString" through the prototype too.
    const history = { id: '1', created: '2026-03-02T10:00:00.000+0100', items: [item] };
    const parsed = parseJiraExport({
      issues: [
        {
          id: '1',
          key: 'X-1',
          fields: { created: '2026-03-02T09:00:00.000+0100' },
          changelog: { histories: [history] },
        },
      ],
    });
    const issue = parsed.ok ? parsed.value.issues[0] : undefined;
    expect(issue && !isBroken(issue) ? issue.histories[0]?.items : null).toEqual([
      { ...item, to: null, toString: null },
    ]);
    expect(history.items[0]).toBe(item); // the export itself is left as it was
  });
});
