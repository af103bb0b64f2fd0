import { BUILTIN_CALENDARS } from '../calendar/builtin-calendars';
import type { SprintFacts, SprintItem, StatusValue } from '../capacity/sprint-capacity';
import type { Change } from '../value-over-time';
import { burnDown } from './burn-down';
import { ms } from '../../../test/support/builders';

// Sprint 7: Wed 1 Apr 2026 09:00 → Fri 10 Apr 18:00, completed 18:30. Working days on `standard`: 1, 2, 3, 7, 8, 9, 10
// April (4-5 the weekend, Mon 6 Easter Monday). Points board, 6 h of logged time a point.
//   A 3 pts, done Thu 2 Apr 15:00 · B 5 pts, done Wed 8 Apr 10:00 · C 2 pts, added Tue 7 Apr 11:00, never done
//   D 4 pts, taken out Fri 3 Apr 12:00 · E no estimate, 12 h logged = 2 pts, never done
// Committed at the start: A + B + D + E = 14. Remaining at each day's end: 14, 11, 7, 9, 4, 4, 4 (issues 4, 3, 2, 3,
// 2, 2, 2). Ideal: 14 × (7 − i) ÷ 7 after day i: 12, 10, 8, 6, 4, 2, 0.
const SPRINT: SprintFacts = {
  id: 7,
  name: 'Sprint 7',
  state: 'closed',
  startAtMs: ms('2026-04-01T09:00'),
  endAtMs: ms('2026-04-10T18:00'),
  completeAtMs: ms('2026-04-10T18:30'),
};
const TODO: StatusValue = { status: 'À qualifier', category: 'new' };
const DONE: StatusValue = { status: 'Validée', category: 'done' };

const item = (
  key: string,
  pts: number | null,
  spec: { in?: string; out?: string; done?: string; loggedHours?: number },
): SprintItem => {
  const created = ms('2026-03-20T10:00');
  const sprints: Change<readonly number[]>[] = [
    { atMs: created, to: [] },
    { atMs: ms(spec.in ?? '2026-03-25T10:00'), to: [7] },
  ];
  if (spec.out !== undefined) sprints.push({ atMs: ms(spec.out), to: [] });
  const statuses: Change<StatusValue>[] = [{ atMs: created, to: TODO }];
  if (spec.done !== undefined) statuses.push({ atMs: ms(spec.done), to: DONE });
  return {
    key,
    issueType: 'Story',
    kind: null,
    severity: null,
    anomalyClass: null,
    labels: [],
    rank: null,
    estimateMilli: pts === null ? null : pts * 1000,
    loggedMs: spec.loggedHours === undefined ? null : spec.loggedHours * 3_600_000,
    sprints: { initial: null, changes: sprints },
    statuses: { initial: null, changes: statuses },
  };
};

const ITEMS: readonly SprintItem[] = [
  item('A', 3, { done: '2026-04-02T15:00' }),
  item('B', 5, { done: '2026-04-08T10:00' }),
  item('C', 2, { in: '2026-04-07T11:00' }),
  item('D', 4, { out: '2026-04-03T12:00' }),
  item('E', null, { loggedHours: 12 }),
  item('F', 8, { in: '2026-04-20T10:00' }),
];
const RULES = { unit: 'points', hoursPerPoint: 6 } as const;
const standard = BUILTIN_CALENDARS.standard;

describe('burnDown', () => {
  it('reads the remaining effort at each working day’s end, against the ideal line', () => {
    const b = burnDown(SPRINT, ITEMS, RULES, standard, ms('2026-04-30T12:00'));
    expect(b?.committedMilli).toBe(14_000);
    expect(
      b?.days.map((d) => [d.date, d.atMs === ms(`${d.date}T18:00`), d.remainingMilli, d.remainingIssues, d.idealMilli]),
    ).toEqual([
      ['2026-04-01', true, 14_000, 4, 12_000],
      ['2026-04-02', true, 11_000, 3, 10_000],
      ['2026-04-03', true, 7_000, 2, 8_000],
      ['2026-04-07', true, 9_000, 3, 6_000],
      ['2026-04-08', true, 4_000, 2, 4_000],
      ['2026-04-09', true, 4_000, 2, 2_000],
      ['2026-04-10', true, 4_000, 2, 0],
    ]);
  });

  it('leaves the days not over at the measure instant without a remaining value', () => {
    const b = burnDown(
      { ...SPRINT, state: 'active', completeAtMs: null },
      ITEMS,
      RULES,
      standard,
      ms('2026-04-08T12:00'),
    );
    expect(b?.days.map((d) => d.remainingMilli)).toEqual([14_000, 11_000, 7_000, 9_000, null, null, null]);
  });

  it('counts a change made at the very end of a day in that day', () => {
    const b = burnDown(SPRINT, [item('X', 1, { done: '2026-04-01T18:00' })], RULES, standard, ms('2026-04-30T12:00'));
    expect(b?.days[0]?.remainingMilli).toBe(0);
  });

  it('has no burn-down for a sprint without dates', () => {
    expect(burnDown({ ...SPRINT, startAtMs: null }, ITEMS, RULES, standard, ms('2026-04-30T12:00'))).toBeNull();
  });
});
