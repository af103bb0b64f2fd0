// Product-event, scheduled and queue handlers: parse the event, run the use case, log a failure once (issue key,
// never the payload). All idempotent: a repeated event recomputes the same values from the same history, so a
// retried one is safe. "now" comes from the clock seam (deps.clock).
import { InvocationError, InvocationErrorCode } from '@forge/events';
import { z } from 'zod';
import { forgeDeps } from '../app/deps';
import { changeItemSchema, enforceSeverityRule } from '../app/enforce-severity-rule';
import { recomputeIssues } from '../app/recompute-issues';
import { computeMonthlySnapshot } from '../app/monthly-snapshot';
import { fullRecomputePage, scheduleDueSoon } from '../app/schedule-recompute';
import { syncSeverityUiModificationFromStore } from '../app/ui-modifications';
import type { Deps } from '../app/ports';
import { JiraBusyError } from '../jira/jira-retry';

const issueEventSchema = z.looseObject({
  eventType: z.string(),
  issue: z.looseObject({ id: z.string().regex(/^\d+$/), key: z.string() }),
  atlassianId: z.string().optional(),
  changelog: z.looseObject({ items: z.array(changeItemSchema).default([]) }).optional(),
});

const recomputeEventSchema = z.looseObject({
  body: z.looseObject({
    kind: z.literal('recompute').optional(),
    issueIds: z.array(z.string().regex(/^\d+$/)).max(1000),
    reason: z.string().optional(),
  }),
});
const fullRecomputeEventSchema = z.looseObject({
  body: z.looseObject({
    kind: z.literal('full-recompute'),
    reason: z.string().max(200),
    settingsVersion: z.number().int().min(0),
    nextPageToken: z.string().min(1).max(4000).optional(),
  }),
});
const monthlyEventSchema = z.looseObject({
  body: z.looseObject({
    kind: z.literal('monthly-report'),
    projectKey: z.string().regex(/^[A-Z][A-Z0-9_]{0,49}$/),
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  }),
});

const logFailure = (where: string, subject: string, error: unknown): void => {
  console.error(`${where} failed for ${subject}: ${error instanceof Error ? error.message : String(error)}`);
};

/** avi:jira:created:issue / avi:jira:updated:issue (the app's own writes are filtered out by ignoreSelf). */
export const handleIssueEvent = async (deps: Deps, event: unknown): Promise<void> => {
  const parsed = issueEventSchema.safeParse(event);
  if (!parsed.success) {
    console.error('issue event ignored: not an issue event');
    return;
  }
  const { issue, atlassianId, changelog } = parsed.data;
  try {
    if (changelog && changelog.items.length > 0)
      await enforceSeverityRule(deps, issue.id, atlassianId ?? null, changelog.items);
    await recomputeIssues(deps, [issue.id], deps.clock.nowMs());
  } catch (error) {
    logFailure('issue event', issue.key, error);
    throw error;
  }
};

export const handleRecomputeEvent = async (deps: Deps, event: unknown): Promise<void> => {
  const nowMs = deps.clock.nowMs();
  const monthly = monthlyEventSchema.safeParse(event);
  if (monthly.success) {
    try {
      await computeMonthlySnapshot(
        deps,
        { kind: 'monthly-report', projectKey: monthly.data.body.projectKey, month: monthly.data.body.month },
        nowMs,
        () => deps.clock.nowMs(),
      );
    } catch (error) {
      logFailure('monthly report', `${monthly.data.body.projectKey} ${monthly.data.body.month}`, error);
      // Jira busy: the job is delivered again later (the month is recomputed from scratch, nothing half-stored).
      if (error instanceof JiraBusyError) throw error;
    }
    return;
  }
  const full = fullRecomputeEventSchema.safeParse(event);
  if (full.success) {
    const { reason, settingsVersion, nextPageToken } = full.data.body;
    try {
      await fullRecomputePage(deps, {
        kind: 'full-recompute',
        reason,
        settingsVersion,
        ...(nextPageToken === undefined ? {} : { nextPageToken }),
      });
      // Issue 10 (D5): the first job of a settings save registers or removes the severity UI modification to match
      // native.severityReadOnly (idempotent; a busy Jira redelivers the job, which recomputes the same values).
      if (nextPageToken === undefined) await syncSeverityUiModificationFromStore(deps);
    } catch (error) {
      logFailure('full recompute', reason, error);
      throw error;
    }
    return;
  }
  const parsed = recomputeEventSchema.safeParse(event);
  if (!parsed.success) {
    console.error('recompute event ignored: malformed body');
    return;
  }
  try {
    await recomputeIssues(deps, parsed.data.body.issueIds, nowMs);
  } catch (error) {
    logFailure('recompute', `${parsed.data.body.issueIds.length} issue(s)`, error);
    throw error;
  }
};

/**
 * Jira still refusing after the bounded retries: ask Forge to deliver the event again later, as Jira said. Only a
 * returned InvocationError is retried by the platform; a thrown error is not ("Async events API", Retry; the same
 * object for product-event triggers, "Atlassian app events").
 */
const retryLater = (error: JiraBusyError): InvocationError =>
  new InvocationError({
    retryAfter: Math.max(1, error.retryAfterSeconds),
    retryReason:
      error.status === 429
        ? InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED
        : InvocationErrorCode.FUNCTION_RETRY_REQUEST,
  });

const orRetryLater = async (run: () => Promise<void>): Promise<InvocationError | undefined> => {
  try {
    await run();
    return undefined;
  } catch (error) {
    if (error instanceof JiraBusyError) return retryLater(error);
    throw error;
  }
};

export const onIssueEvent = (event: unknown): Promise<InvocationError | undefined> =>
  orRetryLater(() => handleIssueEvent(forgeDeps(), event));
export const onRecompute = (event: unknown): Promise<InvocationError | undefined> =>
  orRetryLater(() => handleRecomputeEvent(forgeDeps(), event));
/** Every 5 minutes: a busy Jira is simply left for the next run (the due-soon window covers two runs). */
export const onSchedule = async (): Promise<void> => {
  try {
    await scheduleDueSoon(forgeDeps());
  } catch (error) {
    if (!(error instanceof JiraBusyError)) throw error;
    logFailure('scheduled trigger', 'due-soon clocks', error);
  }
};
