// The contract's deadline tables (D3), as configuration with these defaults. `null` is "S.O." (the clock does not
// apply); 'next-sprint' is "sprint suivant obligatoire" (D7); durations count days of the clock's calendar (D1).
import { parseDuration, type DurationSpec } from '../duration';
import {
  qualificationOf,
  type AnomalySeverity,
  type DocSeverity,
  type IssueKind,
  type ServiceLevel,
  type Severity,
  type Urgency,
} from './vocabulary';

export type TargetSpec =
  | { readonly kind: 'duration'; readonly label: string; readonly duration: DurationSpec }
  | { readonly kind: 'next-sprint'; readonly label: 'next-sprint' };

export type AnomalyTargets = { readonly workaround: TargetSpec | null; readonly resolution: TargetSpec | null };

export type TargetTable = {
  readonly anomaly: Readonly<Record<AnomalySeverity, AnomalyTargets>>;
  readonly incident: Readonly<Record<ServiceLevel, Readonly<Record<AnomalySeverity, TargetSpec | null>>>>;
  readonly 'doc-anomaly': Readonly<Record<DocSeverity, TargetSpec | null>>;
  readonly 'service-request': Readonly<Record<Urgency, TargetSpec | null>>;
};

/** Reads "4h", "1d", "next-sprint" or null; throws on text that is not one (defaults only: settings are parsed). */
export const targetSpec = (text: string | null): TargetSpec | null => {
  if (text === null) return null;
  if (text === 'next-sprint') return { kind: 'next-sprint', label: 'next-sprint' };
  const parsed = parseDuration(text);
  if (!parsed.ok) throw new RangeError(`targetSpec: ${text}`);
  return { kind: 'duration', label: text, duration: parsed.value };
};

const t = targetSpec;

export const DEFAULT_TARGETS: TargetTable = {
  anomaly: {
    blocking: { workaround: t('4h'), resolution: t('1d') },
    major: { workaround: t('1d'), resolution: t('3d') },
    minor: { workaround: null, resolution: t('next-sprint') },
  },
  incident: {
    gold: { blocking: t('2h'), major: t('4h'), minor: t('2d') },
    silver: { blocking: t('4h'), major: t('8h'), minor: t('5d') },
    bronze: { blocking: t('8h'), major: t('2d'), minor: t('10d') },
  },
  'doc-anomaly': { critical: t('2d'), major: t('5d'), minor: t('next-sprint') },
  'service-request': { high: t('4h'), medium: t('2d'), low: t('5d') },
};

export type ClockId = 'workaround' | 'resolution';

/**
 * The target of a clock for an issue's current severity and service level (D5: the target follows the current
 * qualification). `undefined` means the clock does not exist for this issue (a minor anomaly's workaround, or any
 * workaround outside anomalies); `null` means it exists but has no target (no severity yet).
 */
export const targetOf = (
  table: TargetTable,
  kind: IssueKind,
  clock: ClockId,
  severity: Severity | null,
  serviceLevel: ServiceLevel,
): TargetSpec | null | undefined => {
  if (kind !== 'anomaly' && clock === 'workaround') return undefined;
  // A severity missing or off the kind's scale gives no target.
  const qualification = qualificationOf(kind, severity);
  if (qualification === null) return null;
  switch (qualification.kind) {
    case 'anomaly': {
      const row = table.anomaly[qualification.severity];
      if (!row) return null;
      return clock === 'workaround' && row.workaround === null ? undefined : row[clock];
    }
    case 'incident':
      return table.incident[serviceLevel][qualification.severity] ?? null;
    case 'doc-anomaly':
      return table['doc-anomaly'][qualification.severity] ?? null;
    case 'service-request':
      return table['service-request'][qualification.severity] ?? null;
  }
};
