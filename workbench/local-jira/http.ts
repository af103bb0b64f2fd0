// Requests and responses in Jira's forms: JSON bodies, error collections `{errorMessages, errors}`, query strings,
// route patterns with `{param}` segments, and opaque page tokens tied to the query they page through.
import type { z } from 'zod';
import type { JiraResponse } from './types';

const JSON_HEADERS = { 'content-type': 'application/json;charset=UTF-8' };

export const json = (status: number, body: unknown): JiraResponse => ({ status, headers: { ...JSON_HEADERS }, body });
export const noContent = (): JiraResponse => ({ status: 204, headers: {}, body: undefined });

/** Jira's ErrorCollection. */
export const jiraError = (
  status: number,
  errorMessages: readonly string[],
  errors: Readonly<Record<string, string>> = {},
): JiraResponse => json(status, { errorMessages: [...errorMessages], errors: { ...errors } });

export const ISSUE_NOT_FOUND = 'Issue does not exist or you do not have permission to see it.';

/** A failed zod parse of a body → 400 naming the first problems by path (`updates[0].issueIds`). */
export function badBody(error: z.ZodError, where = 'request body'): JiraResponse {
  const messages = error.issues.slice(0, 5).map((issue) => {
    const path = issue.path.reduce<string>(
      (text, part) => (typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${String(part)}` : String(part)),
      '',
    );
    return `${path === '' ? where : path}: ${issue.message}`;
  });
  return jiraError(400, messages);
}

export type ParsedPath = { readonly path: string; readonly query: URLSearchParams };

/** Splits `/rest/api/3/x?a=1` (or a full URL) into the path and its query. */
export function parsePath(raw: string): ParsedPath {
  const withoutOrigin = raw.replace(/^https?:\/\/[^/]+/i, '');
  const q = withoutOrigin.indexOf('?');
  const path = q < 0 ? withoutOrigin : withoutOrigin.slice(0, q);
  const query = new URLSearchParams(q < 0 ? '' : withoutOrigin.slice(q + 1));
  return { path: path.length > 1 ? path.replace(/\/+$/, '') : path, query };
}

/** Matches `/rest/api/3/issue/{issueIdOrKey}` against a path; the captured segments are URI-decoded. */
export function matchRoute(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] as string;
    const g = got[i] as string;
    if (w.startsWith('{') && w.endsWith('}')) {
      try {
        params[w.slice(1, -1)] = decodeURIComponent(g);
      } catch {
        return null;
      }
    } else if (w !== g) {
      return null;
    }
  }
  return params;
}

/** A comma list of a query parameter that may also repeat (`fields=a,b&fields=c`). */
export const listParam = (query: URLSearchParams, name: string): string[] | undefined => {
  const values = query.getAll(name);
  if (values.length === 0) return undefined;
  return values
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
};

export type IntParam =
  { readonly ok: true; readonly value: number | undefined } | { readonly ok: false; readonly response: JiraResponse };

export function intParam(query: URLSearchParams, name: string, min: number): IntParam {
  const raw = query.get(name);
  if (raw === null || raw === '') return { ok: true, value: undefined };
  if (!/^-?\d+$/.test(raw) || Number(raw) < min) {
    return { ok: false, response: jiraError(400, [`${name}: '${raw}' is not an integer of at least ${min}.`]) };
  }
  return { ok: true, value: Number(raw) };
}

export type BoolParam =
  { readonly ok: true; readonly value: boolean } | { readonly ok: false; readonly response: JiraResponse };

export function boolParam(query: URLSearchParams, name: string, fallback: boolean): BoolParam {
  const raw = query.get(name);
  if (raw === null || raw === '') return { ok: true, value: fallback };
  if (raw === 'true' || raw === 'false') return { ok: true, value: raw === 'true' };
  return { ok: false, response: jiraError(400, [`${name}: '${raw}' is not a boolean (true or false).`]) };
}

// ---- Page tokens ----

/** FNV-1a of the text, so that a token can only continue the query it came from. */
const fingerprint = (text: string): string => {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
};

export const encodePageToken = (kind: string, query: string, position: readonly number[]): string =>
  Buffer.from(JSON.stringify({ k: kind, q: fingerprint(query), p: position }), 'utf8').toString('base64url');

/** The position a token points at, or null when it is not a token of this query. */
export function decodePageToken(token: string, kind: string, query: string, size: number): number[] | null {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (typeof decoded !== 'object' || decoded === null) return null;
    const { k, q, p } = decoded as { k?: unknown; q?: unknown; p?: unknown };
    if (k !== kind || q !== fingerprint(query) || !Array.isArray(p) || p.length !== size) return null;
    return p.every((n) => Number.isInteger(n) && n >= 0) ? (p as number[]) : null;
  } catch {
    return null;
  }
}

export const INVALID_TOKEN = 'The provided next page token is invalid or expired.';
