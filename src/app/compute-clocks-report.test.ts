import { sprintWindows } from './compute-clocks-report';
import { defaultSettings } from '../../test/support/clock-builders';
import { ms } from '../../test/support/builders';

const sprint = (id: number, name: string, start: string | null, end: string | null) => ({
  id,
  name,
  state: 'closed',
  startMs: start === null ? null : ms(start),
  endMs: end === null ? null : ms(end),
  completeMs: null,
});

describe('sprintWindows (D7)', () => {
  const board = [
    sprint(1, 'S1', '2026-02-02T09:00', '2026-02-27T18:00'),
    sprint(2, 'S2', '2026-03-02T09:00', '2026-03-27T18:00'),
    sprint(3, 'S3 (future, no dates)', null, null),
  ];

  it("uses the board's dated sprints when there is no cadence", () => {
    expect(sprintWindows(defaultSettings(), board, ms('2026-06-01T00:00')).map((s) => s.name)).toEqual(['S1', 'S2']);
  });

  it("continues with the cadence after the board's last dated sprint", () => {
    const windows = sprintWindows(
      defaultSettings({ sprintCadence: { firstStart: '2026-01-05', businessDays: 20 } }),
      board,
      ms('2026-06-01T00:00'),
    );
    expect(windows.slice(0, 2).map((s) => s.name)).toEqual(['S1', 'S2']);
    expect(windows.length).toBeGreaterThan(2);
    expect(windows.slice(2).every((s) => s.startMs >= ms('2026-03-27T18:00'))).toBe(true);
  });

  it('uses the cadence alone when the board has no dated sprint', () => {
    const windows = sprintWindows(
      defaultSettings({ sprintCadence: { firstStart: '2026-01-05', businessDays: 20 } }),
      [],
      ms('2026-03-01T00:00'),
    );
    expect(windows[0]?.startMs).toBe(ms('2026-01-05T08:00'));
  });
});
