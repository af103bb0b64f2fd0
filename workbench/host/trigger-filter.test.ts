// The issue trigger's filter: the manifest's own expression against events of every issue type, the onError modes,
// and ForgeHost.attach delivering (or not) what the local Jira emits.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_ISSUE_TYPES } from '../../src/app/settings/parse-settings';
import { APP_ACCOUNT_ID, createLocalJira, userByLogin } from '../local-jira';
import { ManualClock } from './clocks';
import { ForgeHost, type AppModule } from './forge-host';
import { LocalKvs } from './local-kvs';
import { findManifest } from './read-manifest';
import { filterEvent, readTriggerFilter, type TriggerFilter } from './trigger-filter';

const MANIFEST = path.resolve(__dirname, '../..', 'manifest.yml');
const shipped = readTriggerFilter(MANIFEST, 'on-issue-event');
const USER = '5b10ac8d82e05b22cc7d4e01';

const eventOf = (issueTypeName: string | null, atlassianId: string = USER): unknown => ({
  eventType: 'avi:jira:updated:issue',
  atlassianId,
  issue: {
    id: '10001',
    key: 'DEMAT-1',
    fields:
      issueTypeName === null ? { summary: 'x' } : { summary: 'x', issuetype: { id: '10004', name: issueTypeName } },
  },
});

describe('the shipped issue-trigger filter', () => {
  it('is read from manifest.yml with ignoreSelf and an expression', () => {
    expect(findManifest(__dirname)).toBe(MANIFEST);
    expect(shipped.ignoreSelf).toBe(true);
    expect(shipped.expression).not.toBeNull();
    expect(shipped.onError).toBe('RECEIVE_AND_LOG');
  });

  // Every name the settings accept by default (src/app/settings DEFAULT_ISSUE_TYPES), as typed and in another case.
  const contractNames = Object.values(DEFAULT_ISSUE_TYPES).flat();
  it.each(contractNames.flatMap((name) => [[name], [name.toUpperCase()]]))(
    'delivers an event of a contract type: %s',
    (name) => {
      expect(filterEvent(shipped, eventOf(name), APP_ACCOUNT_ID)).toEqual({ deliver: true, log: null });
    },
  );

  it.each([['Story'], ['Epic'], ['Tâche'], ['Sous-tâche'], ['Bogue']])('drops an event of another type: %s', (name) => {
    expect(filterEvent(shipped, eventOf(name), APP_ACCOUNT_ID)).toEqual({ deliver: false, log: null });
  });

  it.each([
    ['typographic apostrophe', 'Demande d’assistance'],
    ['surrounding spaces', '  Incident  '],
  ])('delivers a contract type written with %s', (_name, typeName) => {
    expect(filterEvent(shipped, eventOf(typeName), APP_ACCOUNT_ID).deliver).toBe(true);
  });

  it('delivers an event whose issue type it cannot read (the app decides)', () => {
    expect(filterEvent(shipped, eventOf(null), APP_ACCOUNT_ID)).toEqual({ deliver: true, log: null });
  });

  it('drops the app’s own writes (ignoreSelf), whatever the type', () => {
    expect(filterEvent(shipped, eventOf('Anomalie', APP_ACCOUNT_ID), APP_ACCOUNT_ID).deliver).toBe(false);
  });
});

describe('filterEvent: expression errors follow onError', () => {
  const broken = (onError: TriggerFilter['onError']): TriggerFilter => ({
    triggerKey: 't',
    ignoreSelf: false,
    expression: 'event.issue.fields.nothing.name',
    onError,
  });
  it.each<[TriggerFilter['onError'], boolean, boolean]>([
    ['IGNORE', false, false],
    ['IGNORE_AND_LOG', false, true],
    ['RECEIVE', true, false],
    ['RECEIVE_AND_LOG', true, true],
  ])('%s: delivers %p, logs %p', (onError, deliver, logged) => {
    const decision = filterEvent(broken(onError), eventOf('Anomalie'), APP_ACCOUNT_ID);
    expect([decision.deliver, decision.log !== null]).toEqual([deliver, logged]);
  });

  it('counts a result that is not a Boolean as an error (dropped by default)', () => {
    const decision = filterEvent(
      { triggerKey: 't', ignoreSelf: false, expression: "'yes'", onError: 'IGNORE_AND_LOG' },
      eventOf('Anomalie'),
      APP_ACCOUNT_ID,
    );
    expect(decision).toEqual({ deliver: false, log: expect.stringContaining('not a Boolean') });
  });
});

describe('readTriggerFilter', () => {
  const manifestWith = (trigger: string): string => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trigger-filter-'));
    const file = path.join(dir, 'manifest.yml');
    fs.writeFileSync(file, `modules:\n  trigger:\n${trigger}`);
    return file;
  };

  it('reads a trigger without filter as delivering everything', () => {
    const file = manifestWith('    - key: t\n      function: f\n      events: [avi:jira:updated:issue]\n');
    expect(readTriggerFilter(file, 'f')).toEqual({
      triggerKey: 't',
      ignoreSelf: false,
      expression: null,
      onError: 'IGNORE_AND_LOG',
    });
  });

  it.each([
    [
      'no trigger of that function',
      '    - key: t\n      function: other\n      events: [avi:jira:updated:issue]\n',
      /no trigger of function f/,
    ],
    [
      'an unknown onError',
      '    - key: t\n      function: f\n      events: [avi:jira:updated:issue]\n      filter:\n        onError: SOMETIMES\n',
      /onError/,
    ],
  ])('refuses a manifest with %s', (_name, trigger, message) => {
    expect(() => readTriggerFilter(manifestWith(trigger), 'f')).toThrow(message);
  });
});

describe('ForgeHost.attach applies the filter', () => {
  const hostWithRecorder = () => {
    const clock = new ManualClock(Date.parse('2026-04-24T12:00:00+02:00'));
    const jira = createLocalJira({ seed: { anchorMs: clock.nowMs() }, now: clock.nowMs });
    const host = new ForgeHost(jira, new LocalKvs(null, clock.nowMs), clock);
    const delivered: string[] = [];
    const app: AppModule = {
      resolver: async () => undefined,
      administrationValidator: async () => ({ result: true }),
      onIssueEvent: async (event) => {
        delivered.push((event as { issue: { key: string } }).issue.key);
      },
      onRecompute: async () => undefined,
      onSchedule: async () => undefined,
    };
    host.attach(app);
    const edit = (key: string, caller: { kind: 'app' } | { kind: 'user'; accountId: string }) =>
      jira.handle({
        method: 'PUT',
        path: `/rest/api/3/issue/${key}`,
        body: { fields: { summary: `edited ${key}` } },
        caller,
      });
    return { host, delivered, edit };
  };
  const claire = { kind: 'user' as const, accountId: userByLogin('claire.martin').accountId };

  it('delivers an Anomalie event and never a Story event', async () => {
    const { host, delivered, edit } = hostWithRecorder();
    expect((await edit('DEMAT-31', claire)).status).toBe(204); // Story
    expect((await edit('DEMAT-33', claire)).status).toBe(204); // Anomalie
    expect((await edit('DEMAT-28', claire)).status).toBe(204); // Demande de service
    await host.settle();
    expect(delivered).toEqual(['DEMAT-33', 'DEMAT-28']);
    expect(host.backgroundErrors).toEqual([]);
  });

  it('does not deliver the app’s own edits (ignoreSelf)', async () => {
    const { host, delivered, edit } = hostWithRecorder();
    await edit('DEMAT-33', { kind: 'app' });
    await host.settle();
    expect(delivered).toEqual([]);
  });
});
