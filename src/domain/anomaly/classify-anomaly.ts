// Validation vs production anomaly (D6): detected in a validation environment → `validation`; detected in production
// → `validation` while created before the affected version's release date + the VSR months (2 calendar months,
// Europe/Paris), else `production`. Versions Jira marks as not released are left out (their date is a plan). With
// several released affected versions, the most recent release decides (an anomaly seen on a version still under VSR
// is a validation anomaly). Total: every input gets exactly one outcome.
import { CONTRACT_ZONE } from '../contract-zone';
import { DateTime } from 'luxon';
import type { Environment } from '../sla/vocabulary';

export type AnomalyClass = 'validation' | 'production';

/** An affected version: its release date, and whether Jira says it is released (a planned date is not a release). */
export type AffectedVersion = {
  readonly name: string;
  readonly releaseDate: string | null;
  readonly released?: boolean | null;
};

export type ClassReason =
  | { readonly code: 'NO_ENVIRONMENT' }
  | { readonly code: 'DETECTED_IN_VALIDATION' }
  | { readonly code: 'NO_RELEASED_VERSION' }
  | {
      readonly code: 'WITHIN_VSR' | 'AFTER_VSR';
      readonly version: string;
      readonly releaseDate: string;
      readonly vsrEndsAtMs: number;
    };

export type AnomalyClassification = { readonly anomalyClass: AnomalyClass | null; readonly reason: ClassReason };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Release date + VSR months → epoch ms, remembered: a report classifies thousands of anomalies against a few dozen
 * release dates, and luxon costs tens of microseconds per date. Only finite results are kept (an invalid date still
 * goes to luxon each time, which throws or gives NaN as it is configured).
 */
const vsrEnds = new Map<string, number>();
const VSR_ENDS_LIMIT = 4096;

const vsrEndOf = (releaseDate: string, vsrMonths: number): number => {
  const key = `${vsrMonths}|${releaseDate}`;
  const known = vsrEnds.get(key);
  if (known !== undefined) return known;
  const ms = DateTime.fromISO(releaseDate, { zone: CONTRACT_ZONE }).plus({ months: vsrMonths }).toMillis();
  if (Number.isFinite(ms)) {
    if (vsrEnds.size >= VSR_ENDS_LIMIT) vsrEnds.clear();
    vsrEnds.set(key, ms);
  }
  return ms;
};

/**
 * Classifies an anomaly.
 * @example
 * classifyAnomaly(
 *   {
 *     environment: 'production',
 *     createdAtMs: at('2026-04-01'),
 *     affectedVersions: [{ name: '4.3', releaseDate: '2026-03-10' }],
 *   },
 *   2,
 * )
 * // { anomalyClass: 'validation',
 * //   reason: { code: 'WITHIN_VSR', version: '4.3', releaseDate: '2026-03-10',
 * //             vsrEndsAtMs: <2026-05-10T00:00+02:00> } }
 */
export const classifyAnomaly = (
  facts: {
    readonly environment: Environment | null;
    readonly createdAtMs: number;
    readonly affectedVersions: readonly AffectedVersion[];
  },
  vsrMonths: number,
): AnomalyClassification => {
  if (facts.environment === null) return { anomalyClass: null, reason: { code: 'NO_ENVIRONMENT' } };
  if (facts.environment === 'validation')
    return { anomalyClass: 'validation', reason: { code: 'DETECTED_IN_VALIDATION' } };
  let latest: { name: string; releaseDate: string } | null = null;
  for (const version of facts.affectedVersions) {
    // A version not released yet has no production date: its release date is only planned (D6).
    if (version.released === false || version.releaseDate === null || !ISO_DATE.test(version.releaseDate)) continue;
    if (latest === null || version.releaseDate > latest.releaseDate)
      latest = { name: version.name, releaseDate: version.releaseDate };
  }
  if (latest === null) return { anomalyClass: null, reason: { code: 'NO_RELEASED_VERSION' } };
  const vsrEndsAtMs = vsrEndOf(latest.releaseDate, vsrMonths);
  const withinVsr = facts.createdAtMs < vsrEndsAtMs;
  return {
    anomalyClass: withinVsr ? 'validation' : 'production',
    reason: {
      code: withinVsr ? 'WITHIN_VSR' : 'AFTER_VSR',
      version: latest.name,
      releaseDate: latest.releaseDate,
      vsrEndsAtMs,
    },
  };
};
