import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/run-cli';

const dir = mkdtempSync(join(tmpdir(), 'contract-sla-cal-'));
const calendarFile = (name: string, content: unknown): string => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};
const lunchBreak = calendarFile('lunch.json', {
  zone: 'Europe/Paris',
  week: { mon: ['09:00-12:00', '14:00-18:00'], tue: ['09:00-12:00', '14:00-18:00'] },
  holidays: 'FR',
  closedDates: ['2026-03-03'],
});

describe('contract-sla calendar between', () => {
  it.each<[string, string[], number]>([
    [
      'standard, Friday 17:00 → Monday 09:00',
      ['--calendar', 'standard', '--from', '2026-03-06T17:00:00+01:00', '--to', '2026-03-09T09:00:00+01:00'],
      2 * 3_600_000,
    ],
    [
      'gold works Saturday and Easter Monday',
      ['--calendar', 'gold', '--from', '2026-04-04T00:00:00+02:00', '--to', '2026-04-07T00:00:00+02:00'],
      28 * 3_600_000,
    ],
    [
      'instants without offset are read in the calendar zone',
      ['--calendar', 'standard', '--from', '2026-03-02T08:00', '--to', '2026-03-02T09:00'],
      3_600_000,
    ],
    [
      'a calendar file with a lunch break and a closed date',
      ['--calendar', lunchBreak, '--from', '2026-03-02T11:00', '--to', '2026-03-04T00:00'],
      5 * 3_600_000,
    ],
  ])('%s', async (_name, args, businessMs) => {
    const run = await runCli(['calendar', 'between', ...args]);
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.json()).toEqual({ businessMs });
  });
});

describe('contract-sla calendar add', () => {
  it.each<[string, string[], string]>([
    [
      '4h from Friday 16:00 lands Monday 10:00',
      ['--calendar', 'standard', '--from', '2026-03-06T16:00:00+01:00', '--duration', '4h'],
      '2026-03-09T10:00:00.000+01:00',
    ],
    [
      'D1 reaching closing time exactly is due at closing time',
      ['--calendar', 'standard', '--from', '2026-03-02T14:00:00+01:00', '--duration', '240m'],
      '2026-03-02T18:00:00.000+01:00',
    ],
    [
      "2d is two days of the calendar's day length (10 h)",
      ['--calendar', 'standard', '--from', '2026-03-02T08:00', '--duration', '2d'],
      '2026-03-03T18:00:00.000+01:00',
    ],
    [
      'ISO 8601 durations',
      ['--calendar', 'standard', '--from', '2026-03-02T08:00', '--duration', 'PT1H30M'],
      '2026-03-02T09:30:00.000+01:00',
    ],
    [
      'the result is in the calendar zone',
      ['--calendar', 'standard', '--from', '2026-03-02T07:00:00Z', '--duration', '1h'],
      '2026-03-02T09:00:00.000+01:00',
    ],
    [
      'across the spring DST change',
      ['--calendar', 'standard', '--from', '2026-03-27T17:00', '--duration', '2h'],
      '2026-03-30T09:00:00.000+02:00',
    ],
  ])('%s', async (_name, args, at) => {
    const run = await runCli(['calendar', 'add', ...args]);
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.json()).toEqual({ at });
  });
});

describe('contract-sla calendar on bad input', () => {
  it.each<[string, string[], RegExp]>([
    [
      'an unknown calendar name',
      ['between', '--calendar', 'platinum', '--from', '2026-03-02T08:00', '--to', '2026-03-02T09:00'],
      /unknown calendar "platinum" \(known: gold, silver, bronze, standard/,
    ],
    [
      'an invalid duration',
      ['add', '--calendar', 'standard', '--from', '2026-03-02T08:00', '--duration', 'two hours'],
      /--duration: "two hours" is not a duration/,
    ],
    [
      'from after to',
      ['between', '--calendar', 'standard', '--from', '2026-03-03T08:00', '--to', '2026-03-02T09:00'],
      /--from must not be after --to/,
    ],
    [
      'an invalid instant',
      ['between', '--calendar', 'standard', '--from', '2026-02-30T08:00', '--to', '2026-03-02T09:00'],
      /--from: "2026-02-30T08:00" is not an ISO 8601 instant/,
    ],
    [
      'a missing calendar file',
      ['between', '--calendar', join(dir, 'nope.json'), '--from', '2026-03-02T08:00', '--to', '2026-03-02T09:00'],
      /nope\.json: no such file/,
    ],
    [
      'a calendar file with a bad zone and a bad range',
      [
        'between',
        '--calendar',
        calendarFile('bad.json', { zone: 'Europe/Nantes', week: { mon: ['8h-18h'] } }),
        '--from',
        '2026-03-02T08:00',
        '--to',
        '2026-03-02T09:00',
      ],
      /bad\.json: zone: "Europe\/Nantes" is not a time zone.*; week\.mon\[0\]: "8h-18h" is not a working range/,
    ],
    [
      'a calendar without working hours',
      [
        'between',
        '--calendar',
        calendarFile('closed.json', { week: {} }),
        '--from',
        '2026-03-02T08:00',
        '--to',
        '2026-03-02T09:00',
      ],
      /closed\.json: week: the calendar has no working range/,
    ],
    [
      'overlapping ranges',
      [
        'between',
        '--calendar',
        calendarFile('overlap.json', { week: { mon: ['08:00-12:00', '11:00-18:00'] } }),
        '--from',
        '2026-03-02T08:00',
        '--to',
        '2026-03-02T09:00',
      ],
      /overlap\.json: week\.mon: working ranges of a day must not overlap/,
    ],
    [
      'an unknown holiday set',
      [
        'between',
        '--calendar',
        calendarFile('holidays.json', { week: { mon: ['08:00-18:00'] }, holidays: 'BE' }),
        '--from',
        '2026-03-02T08:00',
        '--to',
        '2026-03-02T09:00',
      ],
      /holidays\.json: holidays: expected one of "FR", "FR-alsace-moselle", "none"/,
    ],
    ['an unknown verb', ['sum'], /calendar: expected "between" or "add", got "sum"/],
  ])('%s', async (_name, args, message) => {
    const run = await runCli(['calendar', ...args]);
    expect([run.code, run.stdout]).toEqual([2, '']);
    expect(run.stderr.trimEnd()).toMatch(message);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});
