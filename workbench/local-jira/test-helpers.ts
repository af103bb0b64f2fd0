// Helpers of the local Jira's tests (not a test file itself): a seeded instance on a fixed clock, requests in one line.
import { DateTime } from 'luxon';
import { CONTRACT_ZONE } from '../../src/domain/contract-zone';
import { userByLogin } from './catalog';
import { createLocalJira } from './local-jira';
import type { Caller, IssueEvent, JiraResponse, LocalJiraControl } from './types';

/** Wednesday 22 April 2026, 10:00 in Paris: the anchor of the tests. */
export const ANCHOR_MS = DateTime.fromISO('2026-04-22T10:00', { zone: CONTRACT_ZONE }).toMillis();

export const APP: Caller = { kind: 'app' };
export const as = (login: string): Caller => ({ kind: 'user', accountId: userByLogin(login).accountId });

export type Fixture = {
  readonly jira: LocalJiraControl;
  readonly events: IssueEvent[];
  /** Moves the local Jira's clock. */
  advance(ms: number): void;
  get(path: string, caller?: Caller): Promise<JiraResponse>;
  post(path: string, body: unknown, caller?: Caller): Promise<JiraResponse>;
  put(path: string, body: unknown, caller?: Caller): Promise<JiraResponse>;
};

/** `conditions: false`: the demo without its workflow conditions, to test what the validators alone do. */
export function fixture(options: { readonly conditions?: boolean } = {}): Fixture {
  let nowMs = ANCHOR_MS + 60_000;
  const seeded = createLocalJira({ seed: { anchorMs: ANCHOR_MS }, now: () => nowMs });
  const jira =
    options.conditions === false
      ? createLocalJira({ state: { ...Object(seeded.toJSON()), conditions: [] }, now: () => nowMs })
      : seeded;
  const events: IssueEvent[] = [];
  jira.onIssueEvent((e) => events.push(e));
  return {
    jira,
    events,
    advance: (ms) => {
      nowMs += ms;
    },
    get: (path, caller = APP) => jira.handle({ method: 'GET', path, caller }),
    post: (path, body, caller = APP) => jira.handle({ method: 'POST', path, body, caller }),
    put: (path, body, caller = APP) => jira.handle({ method: 'PUT', path, body, caller }),
  };
}

/** The body of a response, typed loosely for assertions (its shape is what the schema checks establish). */
export const bodyOf = <T = Record<string, unknown>>(response: JiraResponse): T => response.body as T;

export type IssueJson = {
  id: string;
  key: string;
  fields: Record<string, unknown>;
  changelog?: {
    total: number;
    histories: { id: string; author: { accountId: string }; items: Record<string, string>[] }[];
  };
};
