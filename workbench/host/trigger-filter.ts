// The product-event filter of the app's issue trigger, read from manifest.yml and applied as Forge applies it before
// invoking the function (Forge "Trigger" page, `filter`): `ignoreSelf` drops the app's own writes; `expression`, a Jira
// expression over `event`, must return true; an expression that fails or returns anything but a Boolean counts as
// an error, handled by `onError` (default IGNORE_AND_LOG: the event is dropped). Evaluated by the workbench's own
// Jira-expression evaluator, so a filter the app ships is the filter the workbench runs.
import { isRecord } from '../../src/domain/is-record';
import { evaluateJiraExpression, toExpressionValue } from '../local-jira/jira-expression';
import { readManifest } from './read-manifest';

export type FilterOnError = 'IGNORE' | 'IGNORE_AND_LOG' | 'RECEIVE' | 'RECEIVE_AND_LOG';

/** The filter of one trigger module, as manifest.yml declares it (absent properties at their defaults). */
export type TriggerFilter = {
  readonly triggerKey: string;
  readonly ignoreSelf: boolean;
  readonly expression: string | null;
  readonly onError: FilterOnError;
};

/** Deliver the event or not; `log` is what Forge would log (the *_AND_LOG modes), null when nothing. */
export type FilterDecision = { readonly deliver: boolean; readonly log: string | null };

const ON_ERROR: readonly FilterOnError[] = ['IGNORE', 'IGNORE_AND_LOG', 'RECEIVE', 'RECEIVE_AND_LOG'];

/**
 * The filter of the trigger module that invokes `functionKey` on Jira issue events, parsed with Atlassian's own
 * manifest parser. Throws when the manifest has no such trigger or its filter is malformed (a broken manifest must
 * not silently deliver everything).
 */
export function readTriggerFilter(manifestPath: string, functionKey: string): TriggerFilter {
  const manifest = readManifest(manifestPath);
  const triggers: readonly unknown[] = manifest.modules?.trigger ?? [];
  const trigger = triggers.find(
    (t): t is Readonly<Record<string, unknown>> =>
      isRecord(t) &&
      t['function'] === functionKey &&
      Array.isArray(t['events']) &&
      t['events'].some((e) => typeof e === 'string' && /^avi:jira:\w+:issue$/.test(e)),
  );
  if (trigger === undefined)
    throw new Error(`${manifestPath} has no trigger of function ${functionKey} on Jira issue events`);
  const key = String(trigger['key']);
  const filter = trigger['filter'] ?? {};
  if (!isRecord(filter)) throw new Error(`trigger ${key}: filter is not an object`);
  const { ignoreSelf = false, expression = null, onError = 'IGNORE_AND_LOG' } = filter;
  if (typeof ignoreSelf !== 'boolean') throw new Error(`trigger ${key}: filter.ignoreSelf is not a boolean`);
  if (expression !== null && typeof expression !== 'string')
    throw new Error(`trigger ${key}: filter.expression is not a string`);
  const mode = ON_ERROR.find((m) => m === onError);
  if (mode === undefined) throw new Error(`trigger ${key}: filter.onError is not one of ${ON_ERROR.join(', ')}`);
  return { triggerKey: key, ignoreSelf, expression, onError: mode };
}

/** Whether Forge would deliver this product event to the function, under `filter`. */
export function filterEvent(filter: TriggerFilter, event: unknown, appAccountId: string): FilterDecision {
  if (filter.ignoreSelf && isRecord(event) && event['atlassianId'] === appAccountId)
    return { deliver: false, log: null };
  if (filter.expression === null) return { deliver: true, log: null };
  const value = toExpressionValue(event);
  const outcome = value === undefined ? null : evaluateJiraExpression(filter.expression, { event: value });
  if (outcome !== null && outcome.ok && typeof outcome.value === 'boolean')
    return { deliver: outcome.value, log: null };
  const why =
    outcome === null
      ? 'the event is not JSON'
      : outcome.ok
        ? `the expression returned ${JSON.stringify(outcome.value)}, not a Boolean`
        : `${outcome.problem.kind} error: ${outcome.problem.message}`;
  const deliver = filter.onError === 'RECEIVE' || filter.onError === 'RECEIVE_AND_LOG';
  const logged = filter.onError === 'IGNORE_AND_LOG' || filter.onError === 'RECEIVE_AND_LOG';
  return {
    deliver,
    log: logged
      ? `trigger ${filter.triggerKey}: filter expression failed (${why}); event ${deliver ? 'delivered' : 'dropped'}`
      : null,
  };
}
