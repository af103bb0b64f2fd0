// The app's JQL functions (issue 10): slaBreached(clock?), slaEverBreached(clock?), slaRunning(clock?),
// slaPaused(clock?), slaDueWithin("4h", clock?), slaOverdueBy("1d", clock?), each a jira:jqlFunction module of
// manifest.yml whose handler is `jqlFunction` (src/index.ts).
//
// Jira does not call the app on every search: "Jira evaluates each custom function once and saves the result to the
// database. A stored mapping between a custom function and native JQL is called a precomputation", one per set of
// arguments (Atlassian, "Custom JQL functions"). So a fragment must stay true while it is stored: it reads the
// indexed issue property (`issue.property[contractSla]…`, SLA_PROPERTY_INDEX) and compares the stored due instants
// with now() and relative dates ("-1d", "4h"), which Jira evaluates at search time; it never embeds the current time.
// Breached also matches a running clock whose due instant has passed, so a clock crossing its due instant is found at
// once, before the scheduled trigger rewrites its property.
//
// The payload ("Custom JQL functions", Function evaluation): `{ precomputationId, clause: { field, type, operator,
// functionName, arguments } }`; the answer is `{ jql }`, or `{ error }` (the precomputation's "error message to be
// displayed to the user", "JQL functions (apps)" REST group).
import { z } from 'zod';
import { SLA_PROPERTY_KEY } from '../contract/sla-property';
import type { ClockId } from '../domain/sla/targets';

export type SlaJqlFunctionName =
  'slaBreached' | 'slaEverBreached' | 'slaRunning' | 'slaPaused' | 'slaDueWithin' | 'slaOverdueBy';

export type SlaJqlFunction = {
  readonly name: SlaJqlFunctionName;
  /** The jira:jqlFunction module key in manifest.yml. */
  readonly moduleKey: string;
  /** Its arguments, in order, as the module declares them. */
  readonly arguments: readonly { readonly name: string; readonly required: boolean }[];
};

const CLOCK_ARG = { name: 'clock', required: false } as const;

/** The functions, as manifest.yml declares them (test/forge/jql-functions-manifest.test.ts checks both agree). */
export const SLA_JQL_FUNCTIONS: readonly SlaJqlFunction[] = [
  { name: 'slaBreached', moduleKey: 'sla-breached-jql', arguments: [CLOCK_ARG] },
  { name: 'slaEverBreached', moduleKey: 'sla-ever-breached-jql', arguments: [CLOCK_ARG] },
  { name: 'slaRunning', moduleKey: 'sla-running-jql', arguments: [CLOCK_ARG] },
  { name: 'slaPaused', moduleKey: 'sla-paused-jql', arguments: [CLOCK_ARG] },
  {
    name: 'slaDueWithin',
    moduleKey: 'sla-due-within-jql',
    arguments: [{ name: 'duration', required: true }, CLOCK_ARG],
  },
  {
    name: 'slaOverdueBy',
    moduleKey: 'sla-overdue-by-jql',
    arguments: [{ name: 'duration', required: true }, CLOCK_ARG],
  },
];

/** The clock names a query may use: English, and the French of the panel. */
const CLOCK_NAMES: Readonly<Record<string, ClockId>> = {
  workaround: 'workaround',
  contournement: 'workaround',
  resolution: 'resolution',
  résolution: 'resolution',
  correction: 'resolution',
};

export type JqlFragmentResult =
  { readonly ok: true; readonly jql: string } | { readonly ok: false; readonly error: string };

const P = `issue.property[${SLA_PROPERTY_KEY}]`;

const breached = (c: ClockId): string =>
  `(${P}.${c}Breached = "true" OR (${P}.${c}State = running AND ${P}.${c}DueAt < now()))`;
const FRAGMENTS: Readonly<Record<SlaJqlFunctionName, (c: ClockId, period: string) => string>> = {
  slaBreached: breached,
  slaEverBreached: (c) => `(${P}.${c}EverBreached = "true" OR ${breached(c)})`,
  slaRunning: (c) => `${P}.${c}State = running`,
  slaPaused: (c) => `${P}.${c}State = paused`,
  // Due from now to now + period (a clock already late is not "due within": slaBreached finds it).
  slaDueWithin: (c, period) =>
    `(${P}.${c}State = running AND ${P}.${c}DueAt >= now() AND ${P}.${c}DueAt <= "${period}")`,
  // A clock still counting whose due instant is at least `period` in the past.
  slaOverdueBy: (c, period) => `(${P}.${c}State in (running, paused) AND ${P}.${c}DueAt <= "-${period}")`,
};

/**
 * A period of JQL's relative dates ("4h", "1d", "2w", "30m", "1d 4h"; French "j" is a day), written in one unit (the
 * largest that divides it: "1d 4h" → "28h"), so that a sign in front ("-28h") negates all of it. Null when the text
 * is not a period, or is zero.
 */
export function parsePeriod(text: string): string | null {
  const minutesOf: Readonly<Record<string, number>> = { w: 7 * 24 * 60, d: 24 * 60, j: 24 * 60, h: 60, m: 1 };
  let total = 0;
  for (const part of text.trim().toLowerCase().split(/\s+/)) {
    const match = /^(\d{1,6})([wdjhm])$/.exec(part);
    if (match === null) return null;
    total += Number(match[1]) * (minutesOf[match[2] ?? ''] ?? 0);
  }
  if (total <= 0) return null;
  const unit = (['w', 'd', 'h'] as const).find((u) => total % (minutesOf[u] ?? 1) === 0) ?? 'm';
  return `${total / (minutesOf[unit] ?? 1)}${unit}`;
}

const fail = (error: string): JqlFragmentResult => ({ ok: false, error });

/**
 * The JQL fragment that replaces `issue <operator> <functionName>(<args>)`.
 * @example buildSlaFragment('slaRunning', ['correction'], 'in') // { ok: true, jql: 'issue.property[contractSla].resolutionState = running' }
 */
export function buildSlaFragment(functionName: string, args: readonly string[], operator: string): JqlFragmentResult {
  const fn = SLA_JQL_FUNCTIONS.find((f) => f.name.toLowerCase() === functionName.toLowerCase());
  if (fn === undefined)
    return fail(`Fonction JQL inconnue : ${functionName}. / Unknown JQL function: ${functionName}.`);
  const op = operator.trim().toLowerCase();
  if (op !== 'in' && op !== 'not in') {
    return fail(
      `${fn.name} s'emploie avec « in » ou « not in », pas « ${operator} ». / ${fn.name} works with "in" or "not in", not "${operator}".`,
    );
  }
  const max = fn.arguments.length;
  const min = fn.arguments.filter((a) => a.required).length;
  if (args.length < min || args.length > max) {
    const usage = `${fn.name}(${fn.arguments.map((a) => (a.required ? a.name : `${a.name}?`)).join(', ')})`;
    return fail(
      `${fn.name} attend ${min === max ? max : `${min} à ${max}`} argument(s) : ${usage}. / ${fn.name} takes ${min === max ? max : `${min} to ${max}`} argument(s): ${usage}.`,
    );
  }
  let period = '';
  let rest = args;
  if (fn.arguments[0]?.name === 'duration') {
    const raw = args[0] ?? '';
    const parsed = parsePeriod(raw);
    if (parsed === null) {
      return fail(
        `Durée invalide « ${raw} » (argument duration de ${fn.name}) : écrivez par exemple "4h", "30m", "1d" ou "1w 2d". / Invalid duration "${raw}" (argument duration of ${fn.name}): write e.g. "4h", "30m", "1d" or "1w 2d".`,
      );
    }
    period = parsed;
    rest = args.slice(1);
  }
  const rawClock = rest[0];
  let clocks: readonly ClockId[] = ['workaround', 'resolution'];
  if (rawClock !== undefined && rawClock.trim() !== '') {
    const clock = CLOCK_NAMES[rawClock.trim().toLowerCase()];
    if (clock === undefined) {
      return fail(
        `Horloge inconnue « ${rawClock} » (argument clock de ${fn.name}) : workaround (contournement) ou resolution (correction). / Unknown clock "${rawClock}" (argument clock of ${fn.name}): workaround or resolution.`,
      );
    }
    clocks = [clock];
  }
  const parts = clocks.map((c) => FRAGMENTS[fn.name](c, period));
  const positive = parts.length === 1 ? parts.join('') : `(${parts.join(' OR ')})`;
  return { ok: true, jql: op === 'in' ? positive : `NOT ${positive.startsWith('(') ? positive : `(${positive})`}` };
}

const payloadSchema = z.looseObject({
  precomputationId: z.string().optional(),
  clause: z.looseObject({
    field: z.string().optional(),
    type: z.array(z.string()).optional(),
    operator: z.string(),
    functionName: z.string(),
    arguments: z.array(z.string()).default([]),
  }),
});

export type JqlFunctionResponse = { readonly jql: string } | { readonly error: string };

/**
 * The jira:jqlFunction handler: Jira's payload → the fragment, or the error Jira shows the user. A payload that is
 * not Jira's is an error answer naming the problem, never a throw.
 */
export async function jqlFunction(payload: unknown): Promise<JqlFunctionResponse> {
  const parsed = payloadSchema.safeParse(payload);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') ?? '';
    return {
      error: `Appel de fonction JQL illisible (${where || 'payload'}). / Unreadable JQL function call (${where || 'payload'}).`,
    };
  }
  const { functionName, arguments: args, operator } = parsed.data.clause;
  const result = buildSlaFragment(functionName, args, operator);
  return result.ok ? { jql: result.jql } : { error: result.error };
}
