// The Forge queue's publish endpoint, locally: what @forge/events' Queue.push sends (queue.js: POST
// /webhook/queue/publish/…, body { queueName, jobId, type, schema, payload: events, time }) checked against the
// limits a real site enforces. The SDK checks the same limits before sending (validators.js validatePushEvents); the
// workbench checks them again so that a push that skips or outgrows the SDK's check is refused too. Refusals use
// the statuses validators.js validatePushAPIResponse reads: 413 { errorMessage } becomes a PayloadTooBigError,
// any other status an InternalServerError "<status> <statusText>: <message>".
import { z } from 'zod';

/** "Async events limits": "Event per request 50", the maximum number of events pushed in a single request. */
export const MAX_EVENTS_PER_PUSH = 50;
/** "Async events limits": "Payload size 200 KB", the combined payload of the events of one request. */
export const MAX_PUSH_KB = 200;
/**
 * "Async events limits": "Payload size for long running functions 100 KB", the size of one event, for consumers
 * whose function sets a timeout above 55 seconds.
 */
export const MAX_EVENT_KB_LONG_RUNNING = 100;
export const LONG_RUNNING_ABOVE_SECONDS = 55;
/** "Async events API" (Push API): processing "can be delayed up to 15 minutes using the delayInSeconds setting". */
export const MAX_DELAY_SECONDS = 900;
/** validators.js VALID_QUEUE_NAME_PATTERN. */
const QUEUE_NAME = /^[a-zA-Z0-9-_]+$/;

const pushSchema = z.object({
  queueName: z
    .string()
    .regex(QUEUE_NAME, 'queue names can only contain alphanumeric characters, dashes and underscores'),
  jobId: z.string().min(1),
  type: z.string().optional(),
  schema: z.string().optional(),
  time: z.string().optional(),
  payload: z.array(
    z.looseObject({
      body: z.record(z.string(), z.unknown()),
      delayInSeconds: z
        .number()
        .min(0)
        .max(MAX_DELAY_SECONDS, `delayInSeconds is at most ${MAX_DELAY_SECONDS} (15 minutes)`)
        .optional(),
    }),
  ),
});

export type PushRequest = z.infer<typeof pushSchema>;
export type PushEvent = PushRequest['payload'][number];

/** A push refused: status, statusText and body as the server answers. */
export type PushRefusal = {
  readonly status: number;
  readonly statusText: string;
  readonly body: Record<string, unknown>;
};

/** Kilobytes as validators.js counts them: UTF-8 bytes of the JSON, divided by 1024. */
export const sizeKb = (value: unknown): number => Buffer.byteLength(JSON.stringify(value), 'utf8') / 1024;

const badRequest = (message: string): PushRefusal => ({ status: 400, statusText: 'Bad Request', body: { message } });
const tooLarge = (message: string): PushRefusal => ({
  status: 413,
  statusText: 'Payload Too Large',
  body: { errorMessage: message },
});

/**
 * The push parsed, or why a real site refuses it. `consumerTimeoutSeconds` is the timeout of the function that
 * consumes the queue (manifest.yml), which decides the per-event limit.
 */
export const checkPush = (
  body: unknown,
  consumerTimeoutSeconds: number,
): { ok: true; push: PushRequest } | { ok: false; refusal: PushRefusal } => {
  const parsed = pushSchema.safeParse(body);
  if (!parsed.success)
    return {
      ok: false,
      refusal: badRequest(
        `the push is malformed: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')}`,
      ),
    };
  const events = parsed.data.payload;
  if (events.length === 0) return { ok: false, refusal: badRequest('the push has no events') };
  if (events.length > MAX_EVENTS_PER_PUSH) {
    return {
      ok: false,
      refusal: badRequest(
        `the push has ${events.length} events; a Forge queue push has at most ${MAX_EVENTS_PER_PUSH} (Async events limits: events per request)`,
      ),
    };
  }
  const totalKb = sizeKb(events);
  if (totalKb > MAX_PUSH_KB) {
    return {
      ok: false,
      refusal: tooLarge(
        `the push is ${totalKb.toFixed(1)} KB; the combined payload of a Forge queue push is at most ${MAX_PUSH_KB} KB (Async events limits: payload size)`,
      ),
    };
  }
  if (consumerTimeoutSeconds > LONG_RUNNING_ABOVE_SECONDS) {
    const index = events.findIndex((event) => sizeKb(event) > MAX_EVENT_KB_LONG_RUNNING);
    if (index >= 0) {
      const eventKb = sizeKb(events[index]).toFixed(1);
      return {
        ok: false,
        refusal: tooLarge(
          `event ${index} is ${eventKb} KB; an event for a long-running consumer (timeout over ${LONG_RUNNING_ABOVE_SECONDS} s) is at most ${MAX_EVENT_KB_LONG_RUNNING} KB (Async events limits: payload size for long running functions)`,
        ),
      };
    }
  }
  return { ok: true, push: parsed.data };
};
