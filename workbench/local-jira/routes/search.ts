// Issue search: GET and POST /rest/api/3/search/jql (JQL compiled by search-issues.ts, pages by nextPageToken, the
// search index's lag with reconcileIssues).
import { z } from 'zod';
import {
  INVALID_TOKEN,
  badBody,
  decodePageToken,
  encodePageToken,
  intParam,
  jiraError,
  json,
  listParam,
} from '../http';
import type { StoredIssue } from '../local-jira-state';
import { namesOf, schemaOf, selectFieldIds, type Json } from '../render';
import { parseJql } from '../jql';
import type { JqlFunctionHost } from '../jql-functions';
import { compileQuery } from '../search-issues';
import type { JiraResponse } from '../types';
import { issueJson } from './issues';
import type { Actor, LocalJiraSite, RouteContext } from './site';

const searchBodySchema = z.strictObject({
  jql: z.string().optional(),
  nextPageToken: z.string().optional(),
  maxResults: z.number().int().min(1).optional(),
  fields: z.array(z.string()).optional(),
  expand: z.string().optional(),
  properties: z.array(z.string()).max(5).optional(),
  fieldsByKeys: z.boolean().optional(),
  reconcileIssues: z.array(z.number().int()).max(50).optional(),
});

export async function searchGet(
  site: LocalJiraSite,
  { actor, query }: RouteContext,
  functions?: JqlFunctionHost,
): Promise<JiraResponse> {
  const maxResults = intParam(query, 'maxResults', 1);
  if (!maxResults.ok) return maxResults.response;
  return search(site, actor, functions, {
    jql: query.get('jql') ?? '',
    nextPageToken: query.get('nextPageToken') ?? undefined,
    maxResults: maxResults.value,
    fields: listParam(query, 'fields'),
    expand: listParam(query, 'expand') ?? [],
    properties: listParam(query, 'properties') ?? [],
  });
}

export async function searchPost(
  site: LocalJiraSite,
  { actor, body }: RouteContext,
  functions?: JqlFunctionHost,
): Promise<JiraResponse> {
  const parsed = searchBodySchema.safeParse(body ?? {});
  if (!parsed.success) return badBody(parsed.error);
  const b = parsed.data;
  return search(site, actor, functions, {
    jql: b.jql ?? '',
    nextPageToken: b.nextPageToken,
    maxResults: b.maxResults,
    fields: b.fields,
    expand: (b.expand ?? '')
      .split(',')
      .map((e) => e.trim())
      .filter((e) => e !== ''),
    reconcileIssues: b.reconcileIssues ?? [],
    properties: b.properties ?? [],
  });
}

/** /search/jql: `fields` defaults to the id only; pages through `nextPageToken`; no `total`. */
async function search(
  site: LocalJiraSite,
  actor: Actor,
  functions: JqlFunctionHost | undefined,
  input: {
    readonly jql: string;
    readonly nextPageToken: string | undefined;
    readonly maxResults: number | undefined;
    readonly fields: readonly string[] | undefined;
    readonly expand: readonly string[];
    readonly reconcileIssues?: readonly number[];
    /** Issue properties to return on each issue (`properties` of the request: "A list of up to 5 issue properties"). */
    readonly properties?: readonly string[];
  },
): Promise<JiraResponse> {
  const propertyKeys = input.properties ?? [];
  if (propertyKeys.length > 5) return jiraError(400, ['properties: at most 5 issue properties can be requested.']);
  const reconcile = new Set((input.reconcileIssues ?? []).map(String));
  const parsed = parseJql(input.jql);
  if (!parsed.ok) return jiraError(400, [parsed.message]);
  // The app's JQL functions become their fragments first (jql-functions.ts), as Jira does before evaluating.
  const expanded =
    functions === undefined ? { ok: true as const, query: parsed.query } : await functions.expand(parsed.query);
  if (!expanded.ok) return jiraError(400, [expanded.message]);
  const env = { state: site.state, nowMs: site.now(), accountId: actor.accountId };
  const compiled = compileQuery(expanded.query, env, true);
  if (!compiled.ok) return jiraError(400, [compiled.message]);
  let position = 0;
  if (input.nextPageToken !== undefined && input.nextPageToken !== '') {
    const decoded = decodePageToken(input.nextPageToken, 'search', input.jql, 1);
    if (decoded === null) return jiraError(400, [INVALID_TOKEN]);
    position = decoded[0] as number;
  }
  const matching = site
    .visibleIssues(actor)
    .filter((issue) => site.indexed(issue, reconcile) && compiled.search.matches(issue))
    .sort(compiled.search.compare);
  const idOnly = input.fields === undefined && !input.expand.includes('changelog');
  const fieldIds = selectFieldIds(input.fields ?? []);
  // Jira returns up to 5000 issues a page when only ids are asked for, fewer with fields.
  const limit = Math.min(
    input.maxResults ?? 50,
    fieldIds.length === 0 && !input.expand.includes('changelog') ? 5000 : 100,
  );
  const page = matching.slice(position, position + limit);
  const more = position + limit < matching.length;
  const result: Record<string, Json> = {
    issues: page.map((issue) => {
      const bean: Record<string, Json> = idOnly
        ? { id: issue.id }
        : issueJson(site, issue, fieldIds, input.expand, false);
      // IssueBean.properties: "Details of the issue properties identified in the request" (only those the issue has).
      if (propertyKeys.length > 0) bean['properties'] = propertiesOf(issue, propertyKeys);
      return bean;
    }),
  };
  if (more) result['nextPageToken'] = encodePageToken('search', input.jql, [position + limit]);
  result['isLast'] = !more;
  if (input.expand.includes('names')) result['names'] = namesOf(fieldIds);
  if (input.expand.includes('schema')) result['schema'] = schemaOf(fieldIds);
  return json(200, result);
}

function propertiesOf(issue: StoredIssue, keys: readonly string[]): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const key of keys) {
    if (issue.properties !== undefined && Object.hasOwn(issue.properties, key))
      out[key] = structuredClone(issue.properties[key]) as Json;
  }
  return out;
}
