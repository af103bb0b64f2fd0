// Transitions: GET and POST /rest/api/3/issue/{key}/transitions (the workflow of catalog.ts, edits of the transition
// screen, then the workflow's validators).
import { z } from 'zod';
import { availableTransitions, statusBean, transitionById, type TransitionDef } from '../catalog';
import { ISSUE_NOT_FOUND, badBody, jiraError, json, noContent } from '../http';
import { applyEdits, editsOf } from '../issue-edits';
import type { StoredIssue } from '../local-jira-state';
import type { Json } from '../render';
import { enterStatus, statusChangeItem } from '../seed-demo';
import type { JiraResponse } from '../types';
import { cloneIssue, type LocalJiraSite, type RouteContext } from './site';
import { conditionsPass, runValidators } from './validators';

const transitionBodySchema = z.looseObject({
  transition: z.looseObject({ id: z.union([z.string(), z.number().int()]) }),
  fields: z.record(z.string(), z.unknown()).optional(),
  update: z.record(z.string(), z.array(z.unknown())).optional(),
});

/** The new value of a field edited on a transition screen, in the form the issue's JSON gives it. */
const modifiedValue = (issue: StoredIssue, fieldId: string): unknown => {
  if (fieldId in issue.appValues) return issue.appValues[fieldId] ?? null;
  if (fieldId === 'summary') return issue.summary;
  if (fieldId === 'assignee') return issue.assigneeId === null ? null : { accountId: issue.assigneeId };
  if (fieldId === 'versions' || fieldId === 'fixVersions')
    return (fieldId === 'versions' ? issue.versionIds : issue.fixVersionIds).map((id) => ({ id }));
  if (fieldId === 'customfield_10016') return issue.storyPoints;
  if (fieldId === 'customfield_10020') return issue.sprintIds;
  return null;
};

export function transitionJson(t: TransitionDef): Record<string, Json> {
  return {
    id: t.id,
    name: t.name,
    to: statusBean(t.to) as unknown as Json,
    hasScreen: false,
    isGlobal: false,
    isInitial: false,
    isAvailable: true,
    isConditional: false,
    isLooped: false,
  };
}

export function transitionsJson(issue: StoredIssue): Json[] {
  return availableTransitions(issue.status).map((t) => transitionJson(t));
}

export function getTransitions(site: LocalJiraSite, { actor, params, query }: RouteContext): JiraResponse {
  const issue = site.findIssue(actor, params['issueIdOrKey'] ?? '');
  if (issue === undefined) return jiraError(404, [ISSUE_NOT_FOUND]);
  const only = query.get('transitionId');
  // A transition whose workflow conditions are not all true for the caller is not listed (issue 10, D5).
  const transitions = availableTransitions(issue.status).filter(
    (t) => (only === null || only === '' || t.id === only) && conditionsPass(site, issue, t, actor),
  );
  return json(200, { expand: 'transitions', transitions: transitions.map((t) => transitionJson(t)) });
}

export async function doTransition(site: LocalJiraSite, { actor, params, body }: RouteContext): Promise<JiraResponse> {
  const issue = site.findIssue(actor, params['issueIdOrKey'] ?? '');
  if (issue === undefined) return jiraError(404, [ISSUE_NOT_FOUND]);
  const parsed = transitionBodySchema.safeParse(body ?? {});
  if (!parsed.success) return badBody(parsed.error);
  const transitionId = String(parsed.data.transition.id);
  const transition = transitionById(transitionId);
  // A transition hidden by a condition is refused as Jira refuses one the issue does not offer (issue 10, D5).
  if (
    transition === undefined ||
    !transition.from.includes(issue.status) ||
    !conditionsPass(site, issue, transition, actor)
  ) {
    return jiraError(400, [`Transition id '${transitionId}' is not valid for this issue.`]);
  }
  const { edits, errors } = editsOf(parsed.data.fields, parsed.data.update);
  if (Object.keys(errors).length > 0) return jiraError(400, [], errors);
  // `issue` in a validator is the issue with the transition screen's edits, still in its current status.
  const candidate = cloneIssue(issue);
  const outcome = applyEdits(candidate, edits, site.state);
  if (!outcome.ok) return jiraError(400, [], outcome.errors);
  // `modifiedFields` (the transition screen's edits, by field id) is what Jira sends function validators.
  const modified =
    outcome.items.length === 0
      ? null
      : Object.fromEntries(
          [...new Set(outcome.items.map((i) => i.fieldId))].map((id) => [id, modifiedValue(candidate, id)]),
        );
  const refusal = await runValidators(site, issue, candidate, transition, actor, modified);
  if (refusal !== null) return jiraError(400, refusal);
  const current = site.state.issues.find((i) => i.id === issue.id);
  if (current === undefined || current.status !== issue.status || current.histories.length !== issue.histories.length) {
    return jiraError(409, [`${issue.key} changed while its validators ran; try the transition again.`]);
  }
  const atMs = site.changeTime(issue);
  const items = [statusChangeItem(issue.status, transition.to), ...outcome.items];
  enterStatus(candidate, transition.to, atMs);
  site.addHistory(candidate, atMs, actor, items);
  site.replaceIssue(candidate);
  site.emitIssue('avi:jira:updated:issue', candidate, actor, items);
  return noContent();
}
