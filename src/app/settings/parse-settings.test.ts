import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSettings } from './parse-settings';
import { BUILTIN_CALENDARS } from '../../domain/calendar/builtin-calendars';
import { isRecord } from '../../domain/is-record';

const example = ((): Readonly<Record<string, unknown>> => {
  const json: unknown = JSON.parse(readFileSync(join(__dirname, '../../../examples/config.json'), 'utf8'));
  if (!isRecord(json)) throw new Error('examples/config.json is not a JSON object');
  return json;
})();

describe('parseSettings', () => {
  it('reads the documented example, which spells out the defaults (decisions.md)', () => {
    const fromExample = parseSettings({ ...example, sprintCadence: null });
    const defaults = parseSettings({});
    expect(fromExample.ok && defaults.ok).toBe(true);
    if (!fromExample.ok || !defaults.ok) return;
    expect(fromExample.value.targets).toEqual(defaults.value.targets);
    expect(fromExample.value.statusLists).toEqual(defaults.value.statusLists);
    expect(fromExample.value.issueTypes).toEqual(defaults.value.issueTypes);
    expect(fromExample.value.fields).toEqual(defaults.value.fields);
    expect(fromExample.value.calendars.standard).toEqual(BUILTIN_CALENDARS.standard);
  });

  it('lets a flat "resolved" list apply to every kind', () => {
    const parsed = parseSettings({ statuses: { resolved: ['Terminée'] } });
    expect(parsed.ok && Object.values(parsed.value.statusLists.resolved)).toEqual([
      ['Terminée'],
      ['Terminée'],
      ['Terminée'],
      ['Terminée'],
    ]);
  });

  it('overrides one target and keeps the others', () => {
    const parsed = parseSettings({ targets: { anomaly: { blocking: { workaround: '2h' } } } });
    expect(
      parsed.ok && [
        parsed.value.targets.anomaly.blocking.workaround?.label,
        parsed.value.targets.anomaly.blocking.resolution?.label,
      ],
    ).toEqual(['2h', '1d']);
  });

  it.each<[string, unknown, string[]]>([
    ['a misspelt key', { pauseIncident: true }, [': unknown setting "pauseIncident" (check its spelling)']],
    ['a wrong type', { vsrMonths: 'two' }, ['vsrMonths: expected number']],
    [
      'an issue type in two kinds',
      { issueTypes: { incident: ['Anomalie'] } },
      ['issueTypes.incident: issue type "Anomalie" is already listed under issueTypes.anomaly'],
    ],
    [
      'a calendar with a bad range',
      { calendars: { night: { week: { mon: ['22:00-06:00'] } } } },
      ['calendars.night.week.mon.0: "22:00-06:00" must start before it ends, within 00:00-24:00'],
    ],
    [
      'a bad cadence date',
      { sprintCadence: { firstStart: '05/01/2026' } },
      ['sprintCadence.firstStart: expected a date yyyy-MM-dd'],
    ],
    [
      'a cadence date that does not exist',
      { sprintCadence: { firstStart: '2026-02-30' } },
      ['sprintCadence.firstStart: expected a real date between 1970 and 2199'],
    ],
    ['an empty status name', { statuses: { closed: [' '] } }, ['statuses.closed.0: expected a non-empty name']],
  ])('refuses %s, naming the field', (_name, json, messages) => {
    const parsed = parseSettings(json);
    expect(parsed.ok ? [] : parsed.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual(messages);
  });
});

describe('parseSettings: the reserve section (D8)', () => {
  it('defaults to the decisions: 15 %, 10 % cap, 6 h a point, the urgent labels', () => {
    const parsed = parseSettings({});
    expect(parsed.ok && parsed.value.reserve).toEqual({
      defaultRate: 0.15,
      perSprint: {},
      urgentLabels: ['faille-securite', 'defaillance-infra'],
      hoursPerPoint: 6,
      validationCapRate: 0.1,
      storyTypes: ['Story', 'User story', 'Récit', 'Story technique', 'Technical story'],
      notStartedStatuses: ['À faire', 'À qualifier', 'To Do', 'Backlog', 'Open', 'Ouvert'],
      sprintField: 'Sprint',
    });
  });

  it('spells out the defaults in examples/config.json', () => {
    const fromExample = parseSettings({ ...example, sprintCadence: null });
    const defaults = parseSettings({});
    expect(fromExample.ok && fromExample.value.reserve).toEqual(defaults.ok && defaults.value.reserve);
  });

  it('overrides key by key', () => {
    const parsed = parseSettings({ reserve: { defaultRate: 0.2, perSprint: { '102': 4.5 } } });
    expect(
      parsed.ok && [
        parsed.value.reserve.defaultRate,
        parsed.value.reserve.perSprint,
        parsed.value.reserve.validationCapRate,
      ],
    ).toEqual([0.2, { '102': 4.5 }, 0.1]);
  });

  it.each<[string, unknown, string[]]>([
    [
      'a rate given in percent',
      { reserve: { validationCapRate: 10 } },
      ['reserve.validationCapRate: expected a rate between 0 and 1 (0.10 = 10 %)'],
    ],
    [
      'a sprint given by name',
      { reserve: { perSprint: { 'Sprint 2': 3 } } },
      ['reserve.perSprint.Sprint 2: keys are sprint ids (digits)'],
    ],
    [
      'a negative reserve',
      { reserve: { perSprint: { '102': -1 } } },
      ["reserve.perSprint.102: expected an amount >= 0 in the board's unit"],
    ],
    [
      'zero hours a point',
      { reserve: { hoursPerPoint: 0 } },
      ['reserve.hoursPerPoint: expected a number of hours > 0'],
    ],
    [
      'a misspelt key',
      { reserve: { urgentLabel: ['x'] } },
      ['reserve: unknown setting "urgentLabel" (check its spelling)'],
    ],
  ])('refuses %s, naming the field', (_name, json, messages) => {
    const parsed = parseSettings(json);
    expect(parsed.ok ? [] : parsed.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual(messages);
  });
});

describe('parseSettings: the indicators section (D9)', () => {
  it('starts cycle times at "En cours" or "In Progress" by default, as examples/config.json spells out', () => {
    const defaults = parseSettings({});
    const fromExample = parseSettings({ ...example, sprintCadence: null });
    expect(defaults.ok && defaults.value.indicators).toEqual({ inProgressStatuses: ['En cours', 'In Progress'] });
    expect(fromExample.ok && fromExample.value.indicators).toEqual(defaults.ok && defaults.value.indicators);
  });

  it('replaces the list', () => {
    const parsed = parseSettings({ indicators: { inProgressStatuses: ['Développement'] } });
    expect(parsed.ok && parsed.value.indicators.inProgressStatuses).toEqual(['Développement']);
  });

  it.each<[string, unknown, string[]]>([
    [
      'an empty list',
      { indicators: { inProgressStatuses: [] } },
      ['indicators.inProgressStatuses: expected at least one status'],
    ],
    [
      'an empty name',
      { indicators: { inProgressStatuses: [' '] } },
      ['indicators.inProgressStatuses.0: expected a non-empty name'],
    ],
    [
      'a misspelt key',
      { indicators: { inProgressStatus: ['En cours'] } },
      ['indicators: unknown setting "inProgressStatus" (check its spelling)'],
    ],
  ])('refuses %s, naming the field', (_name, json, messages) => {
    const parsed = parseSettings(json);
    expect(parsed.ok ? [] : parsed.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual(messages);
  });
});

describe('parseSettings: the contract’s projects (issue 8)', () => {
  it('covers DEMAT by default, as examples/config.json spells out', () => {
    const parsed = parseSettings({});
    expect(parsed.ok && parsed.value.projects).toEqual(['DEMAT']);
    expect(parsed.ok && parsed.value.projects).toEqual(example.projects);
  });

  it('replaces the list', () => {
    const parsed = parseSettings({ projects: ['DEMAT', 'PLAT_2'] });
    expect(parsed.ok && parsed.value.projects).toEqual(['DEMAT', 'PLAT_2']);
  });

  it.each<[string, unknown, string[]]>([
    [
      'a project name instead of its key',
      { projects: ["DEMAT'ADS"] },
      ['projects.0: expected a Jira project key in capitals, such as DEMAT (not its name)'],
    ],
    [
      'a key in lower case',
      { projects: ['demat'] },
      ['projects.0: expected a Jira project key in capitals, such as DEMAT (not its name)'],
    ],
    [
      'an empty list',
      { projects: [] },
      ['projects: expected at least one project key: the contract covers the issues of these projects'],
    ],
    ['a key listed twice', { projects: ['DEMAT', 'DEMAT'] }, ['projects.1: project DEMAT is listed twice']],
    ['a single key instead of a list', { projects: 'DEMAT' }, ['projects: expected array']],
  ])('refuses %s, naming the field', (_name, json, messages) => {
    const parsed = parseSettings(json);
    expect(parsed.ok ? [] : parsed.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual(messages);
  });
});
