// Issue 10: issue entity properties in the local Jira (the REST operations, their limits and scopes), the
// `properties` of /search/jql, and JQL on the indexed values (`issue.property[contractSla].PATH`).
import { expectValidJiraResponse } from '../../test/support/openapi';
import { checkScopes } from './operation-scopes';
import { PROPERTY_VALUE_MAX } from './routes/issue-properties';
import { ANCHOR_MS, APP, bodyOf, fixture, type Fixture } from './test-helpers';

const PROPS = '/rest/api/3/issue/{issueIdOrKey}/properties';
const PROP = '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}';
const del = (f: Fixture, path: string) => f.jira.handle({ method: 'DELETE', path, caller: APP });
const iso = (ms: number): string => new Date(ms).toISOString();

const sla = (over: Record<string, unknown>) => ({
  v: 1,
  computedAt: iso(ANCHOR_MS),
  state: 'running',
  resolutionState: 'running',
  resolutionBreached: 'false',
  ...over,
});

/** Keys of a search, in the order Jira answers. */
async function keys(f: Fixture, jql: string): Promise<string[]> {
  const response = await f.post('/rest/api/3/search/jql', { jql, fields: ['key'], maxResults: 100 });
  if (response.status !== 200) throw new Error(`${jql}: ${JSON.stringify(response.body)}`);
  return bodyOf<{ issues: { key: string }[] }>(response).issues.map((i) => i.key);
}
async function searchError(f: Fixture, jql: string): Promise<string> {
  const response = await f.post('/rest/api/3/search/jql', { jql });
  expect(response.status).toBe(400);
  return bodyOf<{ errorMessages: string[] }>(response).errorMessages.join(' ');
}

async function seeded(): Promise<Fixture> {
  const f = fixture();
  const values: Record<string, Record<string, unknown>> = {
    'DEMAT-1': { resolutionRemainingMs: 1_800_000, resolutionDueAt: iso(ANCHOR_MS + 1_800_000) },
    'DEMAT-2': { resolutionRemainingMs: 7_200_000, resolutionDueAt: iso(ANCHOR_MS + 7_200_000) },
    'DEMAT-3': {
      resolutionRemainingMs: -3_600_000,
      resolutionDueAt: iso(ANCHOR_MS - 3_600_000),
      resolutionBreached: 'true',
      resolutionState: 'breached',
    },
    'DEMAT-4': { resolutionState: 'paused', resolutionRemainingMs: '3600000' /* a string: not indexed as a number */ },
  };
  for (const [key, value] of Object.entries(values)) {
    const response = await f.put(`/rest/api/3/issue/${key}/properties/contractSla`, sla(value));
    expect(response.status).toBe(201);
  }
  return f;
}

describe('issue properties REST (issue 10)', () => {
  it('creates (201), replaces (200), lists, reads and deletes a property, in the OpenAPI shapes', async () => {
    const f = fixture();
    const created = await f.put('/rest/api/3/issue/DEMAT-1/properties/contractSla', { a: 1 });
    expect(created.status).toBe(201);
    expectValidJiraResponse('platform', 'put', PROP, 201, created.body);
    const replaced = await f.put('/rest/api/3/issue/DEMAT-1/properties/contractSla', { a: 2 });
    expect(replaced.status).toBe(200);
    expectValidJiraResponse('platform', 'put', PROP, 200, replaced.body);

    const list = await f.get('/rest/api/3/issue/DEMAT-1/properties');
    expect(list.status).toBe(200);
    expectValidJiraResponse('platform', 'get', PROPS, 200, list.body);
    expect(bodyOf(list)).toEqual({
      keys: [
        { key: 'contractSla', self: expect.stringMatching(/\/rest\/api\/3\/issue\/\d+\/properties\/contractSla$/) },
      ],
    });

    const read = await f.get('/rest/api/3/issue/DEMAT-1/properties/contractSla');
    expectValidJiraResponse('platform', 'get', PROP, 200, read.body);
    expect(bodyOf(read)).toEqual({ key: 'contractSla', value: { a: 2 } });

    expect((await del(f, '/rest/api/3/issue/DEMAT-1/properties/contractSla')).status).toBe(204);
    expect((await f.get('/rest/api/3/issue/DEMAT-1/properties/contractSla')).status).toBe(404);
    expect((await del(f, '/rest/api/3/issue/DEMAT-1/properties/contractSla')).status).toBe(404);
    expect(bodyOf(await f.get('/rest/api/3/issue/DEMAT-1/properties'))).toEqual({ keys: [] });
  });

  it('is not an issue edit: no event, no changelog, `updated` unchanged', async () => {
    const f = fixture();
    const before = bodyOf<{ fields: { updated: string } }>(await f.get('/rest/api/3/issue/DEMAT-1?fields=updated'));
    f.advance(60_000);
    await f.put('/rest/api/3/issue/DEMAT-1/properties/contractSla', { a: 1 });
    const after = bodyOf<{ fields: { updated: string } }>(await f.get('/rest/api/3/issue/DEMAT-1?fields=updated'));
    expect(after.fields.updated).toBe(before.fields.updated);
    expect(f.events).toEqual([]);
  });

  it('refuses a value over 32768 characters, an empty value, a key over 255 characters, an unknown issue', async () => {
    const f = fixture();
    const big = { text: 'x'.repeat(PROPERTY_VALUE_MAX) };
    expect((await f.put('/rest/api/3/issue/DEMAT-1/properties/big', big)).status).toBe(400);
    const fits = { text: 'x'.repeat(PROPERTY_VALUE_MAX - 11) }; // {"text":""} is 11 characters
    expect((await f.put('/rest/api/3/issue/DEMAT-1/properties/fits', fits)).status).toBe(201);
    expect((await f.put('/rest/api/3/issue/DEMAT-1/properties/empty', '')).status).toBe(400);
    expect((await f.put(`/rest/api/3/issue/DEMAT-1/properties/${'k'.repeat(256)}`, { a: 1 })).status).toBe(400);
    expect((await f.put(`/rest/api/3/issue/DEMAT-1/properties/${'k'.repeat(255)}`, { a: 1 })).status).toBe(201);
    expect((await f.put('/rest/api/3/issue/DEMAT-9999/properties/a', { a: 1 })).status).toBe(404);
    expect((await f.get('/rest/api/3/issue/DEMAT-9999/properties')).status).toBe(404);
  });

  it('needs the scopes of the OpenAPI (read:jira-work to read, write:jira-work to write)', () => {
    const path = '/rest/api/3/issue/DEMAT-1/properties/contractSla';
    expect(checkScopes('GET', path, ['read:jira-work']).allowed).toBe(true);
    expect(checkScopes('PUT', path, ['read:jira-work']).allowed).toBe(false);
    expect(checkScopes('PUT', path, ['write:jira-work']).allowed).toBe(true);
    expect(checkScopes('DELETE', path, ['delete:issue.property:jira']).allowed).toBe(true);
  });

  it('/search/jql returns the requested properties on each issue bean (only those it has)', async () => {
    const f = await seeded();
    const response = await f.post('/rest/api/3/search/jql', {
      jql: 'key in (DEMAT-1, DEMAT-5)',
      fields: ['key'],
      properties: ['contractSla', 'other'],
    });
    expect(response.status).toBe(200);
    expectValidJiraResponse('platform', 'post', '/rest/api/3/search/jql', 200, response.body);
    const issues = bodyOf<{ issues: { key: string; properties: Record<string, unknown> }[] }>(response).issues;
    expect(issues.find((i) => i.key === 'DEMAT-1')?.properties).toEqual({
      contractSla: expect.objectContaining({ resolutionRemainingMs: 1_800_000 }),
    });
    expect(issues.find((i) => i.key === 'DEMAT-5')?.properties).toEqual({});
    const get = await f.get('/rest/api/3/search/jql?jql=key%3DDEMAT-1&properties=contractSla');
    expect(bodyOf<{ issues: { properties: unknown }[] }>(get).issues[0]?.properties).toEqual({
      contractSla: expect.objectContaining({ resolutionState: 'running' }),
    });
    const six = await f.post('/rest/api/3/search/jql', {
      jql: 'key = DEMAT-1',
      properties: ['a', 'b', 'c', 'd', 'e', 'f'],
    });
    expect(six.status).toBe(400);
  });
});

describe('JQL on indexed issue properties (issue 10)', () => {
  const P = 'issue.property[contractSla]';

  it('compares a number path numerically (a string value is not indexed as a number)', async () => {
    const f = await seeded();
    expect(await keys(f, `${P}.resolutionRemainingMs < 3600000 ORDER BY key ASC`)).toEqual(['DEMAT-1', 'DEMAT-3']);
    expect(await keys(f, `${P}.resolutionRemainingMs >= 1800000 ORDER BY key ASC`)).toEqual(['DEMAT-1', 'DEMAT-2']);
    expect(await keys(f, `${P}.resolutionRemainingMs = 7200000`)).toEqual(['DEMAT-2']);
    expect(await keys(f, `${P}.resolutionRemainingMs in (7200000, 1800000) ORDER BY key ASC`)).toEqual([
      'DEMAT-1',
      'DEMAT-2',
    ]);
    expect(await searchError(f, `${P}.resolutionRemainingMs < soon`)).toMatch(/not a number/);
  });

  it('matches string paths with = != in not in, and IS EMPTY / IS NOT EMPTY', async () => {
    const f = await seeded();
    expect(await keys(f, `${P}.resolutionBreached = true`)).toEqual(['DEMAT-3']);
    expect(await keys(f, `${P}.resolutionState != running ORDER BY key ASC`)).toEqual(['DEMAT-3', 'DEMAT-4']);
    expect(await keys(f, `${P}.resolutionState in (paused, breached) ORDER BY key ASC`)).toEqual([
      'DEMAT-3',
      'DEMAT-4',
    ]);
    expect(await keys(f, `${P}.resolutionState not in (paused, breached)`)).toEqual(['DEMAT-2', 'DEMAT-1']);
    expect(await keys(f, `${P}.resolutionRemainingMs is not EMPTY ORDER BY key ASC`)).toEqual([
      'DEMAT-1',
      'DEMAT-2',
      'DEMAT-3',
    ]);
    const empty = await keys(f, `${P}.resolutionDueAt is EMPTY`);
    expect(empty).toContain('DEMAT-4');
    expect(empty).toContain('DEMAT-5');
    expect(empty).not.toContain('DEMAT-1');
    expect(await searchError(f, `${P}.resolutionState < running`)).toMatch(/operator '<' is not supported/);
  });

  it('compares date paths as instants, with absolute dates, relative periods and now()', async () => {
    const f = await seeded(); // now = ANCHOR + 1 min (Wednesday 22 April 2026 10:01 Paris)
    expect(await keys(f, `${P}.resolutionDueAt < now()`)).toEqual(['DEMAT-3']);
    expect(await keys(f, `${P}.resolutionDueAt <= "1h" ORDER BY key ASC`)).toEqual(['DEMAT-1', 'DEMAT-3']);
    expect(await keys(f, `${P}.resolutionDueAt > "-2h" AND ${P}.resolutionDueAt < "-30m"`)).toEqual(['DEMAT-3']);
    expect(await keys(f, `${P}.resolutionDueAt >= "2026-04-22 11:00" ORDER BY key ASC`)).toEqual(['DEMAT-2']);
    f.advance(60 * 60_000); // the clock moves: "now" moves with it, the stored instants do not
    expect(await keys(f, `${P}.resolutionDueAt < now() ORDER BY key ASC`)).toEqual(['DEMAT-1', 'DEMAT-3']);
    expect(await searchError(f, `${P}.resolutionDueAt < "4x"`)).toMatch(/Date value '4x'.*is invalid/);
  });

  it('sorts by an indexed path, issues without the value last (ascending) or first (descending)', async () => {
    const f = await seeded();
    const within = 'key in (DEMAT-1, DEMAT-2, DEMAT-3, DEMAT-4)';
    expect(await keys(f, `${within} ORDER BY ${P}.resolutionDueAt ASC`)).toEqual([
      'DEMAT-3',
      'DEMAT-1',
      'DEMAT-2',
      'DEMAT-4',
    ]);
    expect(await keys(f, `${within} ORDER BY ${P}.resolutionRemainingMs DESC`)).toEqual([
      'DEMAT-4',
      'DEMAT-2',
      'DEMAT-1',
      'DEMAT-3',
    ]);
  });

  it('accepts a path the manifest does not index, which matches no value (nothing is indexed there)', async () => {
    const f = await seeded();
    // DEMAT-1 has `v: 1` in its property, but `v` is not an indexed path.
    expect(await keys(f, `${P}.v = 1`)).toEqual([]);
    expect(await keys(f, `${P}.v > 0`)).toEqual([]);
    expect(await keys(f, 'issue.property[other].state = running')).toEqual([]);
    expect(await keys(f, `key in (DEMAT-1, DEMAT-2) AND ${P}.v is EMPTY ORDER BY key ASC`)).toEqual([
      'DEMAT-1',
      'DEMAT-2',
    ]);
    expect(await keys(f, `key in (DEMAT-2, DEMAT-1) ORDER BY ${P}.cycle ASC, key DESC`)).toEqual([
      'DEMAT-2',
      'DEMAT-1',
    ]);
  });

  it('follows the search index lag like a field write: a fresh property write is found once indexed or reconciled', async () => {
    const f = fixture();
    f.jira.setSearchLag(5_000);
    f.advance(10_000);
    await f.put('/rest/api/3/issue/DEMAT-7/properties/contractSla', sla({ resolutionBreached: 'true' }));
    const jql = `${P}.resolutionBreached = true`;
    expect(await keys(f, jql)).toEqual([]);
    const reconciled = await f.post('/rest/api/3/search/jql', {
      jql,
      fields: ['key'],
      reconcileIssues: [Number(bodyOf<{ id: string }>(await f.get('/rest/api/3/issue/DEMAT-7')).id)],
    });
    expect(bodyOf<{ issues: { key: string }[] }>(reconciled).issues.map((i) => i.key)).toEqual(['DEMAT-7']);
    f.advance(5_000);
    expect(await keys(f, jql)).toEqual(['DEMAT-7']);
  });
});
