// Issue 8, finding 2: the board page and the gadget's background month ask Jira for exactly the fields they read,
// not `*all`, and compute the same figures as with every field ("compare to a simpler version").
import { computeMonthlySnapshot } from '../../src/app/monthly-snapshot';
import { getSprintBoard } from '../../src/app/sprint-board';
import { aForgeSite, TEST_ANCHOR_MS, userNamed } from '../support/forge-site';
import { siteDeps, type RecordedRequest } from '../support/site-deps';

const SEARCH = '/rest/api/3/search/jql';
const withAllFields = (request: RecordedRequest): RecordedRequest =>
  request.path === SEARCH ? { ...request, body: { ...(request.body as object), fields: ['*all'] } } : request;
const searchedFields = (requests: readonly RecordedRequest[]): string[][] =>
  requests.filter((r) => r.path === SEARCH).map((r) => [...(r.body as { fields: string[] }).fields].sort());

// What the clocks read (live-export.ts fieldsToRead): system fields and the app's seven fields.
const CLOCK_FIELDS = [
  'created',
  'customfield_10100',
  'customfield_10101',
  'customfield_10102',
  'customfield_10103',
  'customfield_10104',
  'customfield_10105',
  'customfield_10106',
  'issuetype',
  'project',
  'status',
  'versions',
];

describe('explicit field lists', () => {
  it('the board page reads the clocks’ fields, labels, time, estimation, rank and Sprint fields, with the same report as *all', async () => {
    const site = aForgeSite();
    const sophie = userNamed(site, 'Sophie');
    const listed = siteDeps(site, { userAccountId: sophie });
    const view = await getSprintBoard(listed, 'DEMAT', sophie, null, TEST_ANCHOR_MS);
    const searches = searchedFields(listed.requests);
    expect(searches.length).toBeGreaterThan(0);
    // customfield_10016 story points (the board's estimation), 10019 Rank, 10020 Sprint.
    for (const fields of searches)
      expect(fields).toEqual(
        [
          ...CLOCK_FIELDS,
          'customfield_10016',
          'customfield_10019',
          'customfield_10020',
          'labels',
          'timeestimate',
          'timeoriginalestimate',
          'timespent',
          'timetracking',
        ].sort(),
      );
    const everything = await getSprintBoard(
      siteDeps(aForgeSite(), { userAccountId: sophie, rewrite: withAllFields }),
      'DEMAT',
      sophie,
      null,
      TEST_ANCHOR_MS,
    );
    expect(view.report?.sprints.length).toBeGreaterThan(0);
    expect(view).toEqual(everything);
  });

  it('the gadget’s month reads the clocks’ fields and the Sprint field, and stores the same snapshot as *all', async () => {
    const job = { kind: 'monthly-report' as const, projectKey: 'DEMAT', month: '2026-03' };
    const snapshotOf = async (rewrite?: (r: RecordedRequest) => RecordedRequest) => {
      const site = aForgeSite();
      const deps = siteDeps(site, rewrite ? { rewrite } : {});
      await computeMonthlySnapshot(deps, job, TEST_ANCHOR_MS);
      const stored = site.kvs
        .keys()
        .filter((k) => k.startsWith('indicators:DEMAT:2026-03:'))
        .sort();
      return {
        requests: deps.requests,
        stored: stored.map((k) => [k, (site.kvs.handle('/api/v1/get', { key: k }).body as { value: unknown }).value]),
      };
    };
    const listed = await snapshotOf();
    for (const fields of searchedFields(listed.requests))
      expect(fields).toEqual([...CLOCK_FIELDS, 'customfield_10020'].sort());
    expect(listed.stored.map(([k]) => k)).toEqual([
      'indicators:DEMAT:2026-03:chunk:0',
      'indicators:DEMAT:2026-03:head',
    ]);
    expect(listed.stored).toEqual((await snapshotOf(withAllFields)).stored);
  });
});
