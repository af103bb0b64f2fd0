import { clocksReportOf, clocksResultsOf, sprintWindows, streamClocksReport } from './compute-clocks-report';
import { parseJiraExport, type ExportSource } from '../jira/jira-export';
import { generateExport } from '../../test/support/generate-export';
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

describe('streamClocksReport on an ExportSource', () => {
  const exported = generateExport({ issues: 60, transitionsPerIssue: 6, seed: 11 });
  const parsed = parseJiraExport(exported);
  if (!parsed.ok) throw new Error('generated export does not parse');
  const atMs = ms('2026-12-01T12:00');

  /** The export with issues handed out one at a time, counting the walks and the issues handed out. */
  const counted = () => {
    const counts = { walks: 0, handedOut: 0 };
    const source: ExportSource = {
      ...parsed.value,
      issues: {
        *[Symbol.iterator]() {
          counts.walks++;
          for (const issue of parsed.value.issues) {
            counts.handedOut++;
            yield issue;
          }
        },
      },
    };
    return { source, counts };
  };

  it.each([
    ['without a cadence', {}],
    [
      'with a cadence (sprint windows grow with the latest creation seen)',
      { sprintCadence: { firstStart: '2025-01-06', businessDays: 20 } },
    ],
  ])('%s: walks the issues once, lazily, with the output of the whole export', (_name, overrides) => {
    const settings = defaultSettings(overrides);
    const { source, counts } = counted();
    const streamed = streamClocksReport(source, settings, atMs);
    expect(counts).toEqual({ walks: 0, handedOut: 0 });
    const iterator = streamed.issues[Symbol.iterator]();
    iterator.next();
    expect(counts).toEqual({ walks: 1, handedOut: 1 });
    const views = [streamed.issues].flatMap((issues) => [...issues]);
    expect(counts.walks).toBe(2);
    expect(views).toEqual(clocksReportOf(parsed.value, settings, atMs).issues);
  });
});

describe('streamClocksReport sprint horizon', () => {
  it('gives each issue the same view whatever the order of the issues (the horizon grows as creations come)', () => {
    const exported = generateExport({ issues: 80, transitionsPerIssue: 4, seed: 12 });
    const parsed = parseJiraExport(exported);
    if (!parsed.ok) throw new Error('generated export does not parse');
    // `at` before most creations, so that the latest creation, not `at`, sets the horizon.
    const atMs = ms('2025-03-01T12:00');
    const settings = defaultSettings({ sprintCadence: { firstStart: '2025-01-06', businessDays: 20 } });
    // No board sprints: the cadence's sprints, generated up to the horizon, are all there is.
    const source = { ...parsed.value, sprints: [] };
    const forward = [...streamClocksReport(source, settings, atMs).issues];
    const reversed = [
      ...streamClocksReport({ ...source, issues: [...source.issues].reverse() }, settings, atMs).issues,
    ].reverse();
    expect(reversed).toEqual(forward);
    const lastDue = forward
      .flatMap((i) => i.clocks.flatMap((c) => (c.target?.sprint ? [c.target.sprint.dueAt] : [])))
      .sort()
      .at(-1);
    expect(lastDue !== undefined && Date.parse(lastDue) > atMs + 366 * 86_400_000).toBe(true);
  });
});

describe('clocksResultsOf: each issue with its id and its "Échéance SLA" (issue 9: ms inside)', () => {
  // The simpler version: the earliest `dueAt` of the views of the clocks still counting, compared as parsed instants.
  const earliestDueOfViews = (clocks: readonly { state: string; dueAt: string | null }[]): string | null =>
    clocks
      .filter((c) => c.state !== 'stopped' && c.dueAt !== null)
      .map((c) => c.dueAt ?? '')
      .reduce<string | null>((min, d) => (min === null || Date.parse(d) < Date.parse(min) ? d : min), null);

  it('gives the due instant of the clock still counting that is due first, and the id of every issue', () => {
    const parsed = parseJiraExport(generateExport({ issues: 300, transitionsPerIssue: 4, seed: 9 }));
    if (!parsed.ok) throw new Error('generated export does not parse');
    const { results } = clocksResultsOf(parsed.value, defaultSettings(), ms('2026-03-02T12:00'));
    expect(results.map((r) => r.issueId)).toEqual(parsed.value.issues.map((i) => i.id));
    expect(results.map((r) => r.nextDueAt)).toEqual(results.map((r) => earliestDueOfViews(r.view.clocks)));
    expect(results.filter((r) => r.nextDueAt !== null).length).toBeGreaterThan(10);
  });
});
