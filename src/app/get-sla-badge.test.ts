// The badge's rules (issue 10): which clock it shows, its state, the freshness of a stored state, the time left now.
import { BUILTIN_CALENDARS } from '../domain/calendar/builtin-calendars';
import { badgeStateOf, CHECK_GRACE_MS, FRESH_FOR_MS, mostUrgent, remainingNow, stalenessOf } from './get-sla-badge';

const H = 3_600_000;
const FRIDAY_NOON = Date.parse('2026-04-24T12:00:00+02:00');

describe('get-sla-badge rules (issue 10)', () => {
  it('shows a running clock before a paused one, then the least time left', () => {
    const clocks = [
      { id: 'workaround' as const, state: 'paused', remainingMs: -5 * H },
      { id: 'resolution' as const, state: 'running', remainingMs: 3 * H },
    ];
    expect(mostUrgent(clocks)?.id).toBe('resolution');
    expect(mostUrgent([{ ...clocks[1]!, state: 'stopped' }, clocks[0]!])?.id).toBe('workaround');
    expect(mostUrgent(clocks, 'workaround')?.id).toBe('workaround');
    expect(mostUrgent([{ id: 'resolution' as const, state: 'stopped', remainingMs: 1 }])).toBeNull();
  });

  it('quiet states: met, stopped (one late), none', () => {
    expect(badgeStateOf(null, [])).toBe('none');
    expect(badgeStateOf(null, [{ breached: false }])).toBe('met');
    expect(badgeStateOf(null, [{ breached: false }, { breached: true }])).toBe('stopped');
    expect(badgeStateOf({ state: 'running', breached: false, remainingMs: -1 }, [])).toBe('breached');
    expect(badgeStateOf({ state: 'paused', breached: false, remainingMs: H }, [])).toBe('paused');
  });

  it('counts the time left in business time on the calendar: Friday 12:00 to Monday 10:00 is 8 h on standard', () => {
    const standard = BUILTIN_CALENDARS.standard;
    if (!standard) throw new Error('no standard calendar');
    expect(remainingNow(standard, Date.parse('2026-04-27T10:00:00+02:00'), FRIDAY_NOON)).toBe(8 * H);
    expect(remainingNow(standard, Date.parse('2026-04-24T10:00:00+02:00'), FRIDAY_NOON)).toBe(-2 * H);
  });

  it('a stored state is fresh with the same settings version, within 24 h, and its next check not long past', () => {
    const base = {
      v: 1 as const,
      computedAt: new Date(FRIDAY_NOON).toISOString(),
      settingsVersion: 3,
      state: 'running' as const,
      urgentClock: null,
      nextCheckAt: new Date(FRIDAY_NOON + H).toISOString(),
    };
    expect(stalenessOf(base, 3, FRIDAY_NOON + H)).toBeNull();
    expect(stalenessOf(base, 4, FRIDAY_NOON)).toMatch(/settings v3/);
    expect(stalenessOf({ ...base, nextCheckAt: null }, 3, FRIDAY_NOON + FRESH_FOR_MS + 1)).toMatch(/24 h/);
    expect(stalenessOf(base, 3, FRIDAY_NOON + H + CHECK_GRACE_MS + 1)).toMatch(/next check/);
    expect(stalenessOf(base, 3, FRIDAY_NOON - 1)).toMatch(/future/);
  });
});
