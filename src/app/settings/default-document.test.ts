import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isRecord } from '../../domain/is-record';
import { BUILTIN_CALENDARS } from '../../domain/calendar/builtin-calendars';
import { nextClosedDays, settingsDocument } from './default-document';
import { parseSettings } from './parse-settings';

/** examples/config.json, checked to be a JSON object. */
const readExample = (): Readonly<Record<string, unknown>> => {
  const example: unknown = JSON.parse(readFileSync(join(__dirname, '../../../examples/config.json'), 'utf8'));
  if (!isRecord(example)) throw new Error('examples/config.json is not a JSON object');
  return example;
};

/** A settings document's calendars.standard (which must be there). */
const standardCalendarOf = (document: Readonly<Record<string, unknown>>): unknown => {
  if (!isRecord(document.calendars)) throw new Error('the document has no calendars object');
  return document.calendars.standard;
};

describe('settingsDocument', () => {
  it('renders the defaults as the documented example (examples/config.json)', () => {
    const parsed = parseSettings({});
    const example = readExample();
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const rendered = settingsDocument(parsed.value);
    for (const key of [
      'projects',
      'fields',
      'issueTypes',
      'statuses',
      'targets',
      'vsrMonths',
      'pauseIncidents',
      'administrationGroup',
      'reserve',
      'indicators',
    ])
      expect([key, rendered[key]]).toEqual([key, example[key]]);
    expect(standardCalendarOf(rendered)).toEqual(standardCalendarOf(example));
  });

  it('parses back to the same settings (round trip)', () => {
    const parsed = parseSettings({});
    if (!parsed.ok) throw new Error('defaults');
    const again = parseSettings(settingsDocument(parsed.value));
    expect(again.ok && again.value.targets).toEqual(parsed.value.targets);
    expect(again.ok && again.value.calendars).toEqual(parsed.value.calendars);
  });
});

describe('nextClosedDays', () => {
  it('lists the next French public holidays a calendar does not work', () => {
    expect(nextClosedDays(BUILTIN_CALENDARS.standard, '2026-11-29', 3)).toEqual([
      { date: '2026-12-25', name: 'Noël' },
      { date: '2027-01-01', name: 'Nouvel An' },
      { date: '2027-03-29', name: 'Lundi de Pâques' },
    ]);
  });

  it('marks holidays as worked on gold', () => {
    expect(nextClosedDays(BUILTIN_CALENDARS.gold, '2026-12-01', 1)).toEqual([
      { date: '2026-12-25', name: 'Noël (travaillé / worked)' },
    ]);
  });
});
