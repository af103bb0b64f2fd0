import fc from 'fast-check';
import {
  ANOMALY_SEVERITIES,
  DOC_SEVERITIES,
  ISSUE_KINDS,
  URGENCIES,
  isSeverity,
  qualificationOf,
  readSeverity,
  severityOnScale,
  type IssueKind,
  type Severity,
} from './vocabulary';

// The reference: each kind's scale written out.
const SCALES: Readonly<Record<IssueKind, readonly string[]>> = {
  anomaly: ['blocking', 'major', 'minor'],
  incident: ['blocking', 'major', 'minor'],
  'doc-anomaly': ['critical', 'major', 'minor'],
  'service-request': ['high', 'medium', 'low'],
};
const NAMES = [...new Set([...ANOMALY_SEVERITIES, ...DOC_SEVERITIES, ...URGENCIES, 'critique', 'Majeure', 'unknown'])];

describe('qualificationOf', () => {
  it.each<[IssueKind, string | null, ReturnType<typeof qualificationOf>]>([
    ['anomaly', 'blocking', { kind: 'anomaly', severity: 'blocking' }],
    ['incident', 'minor', { kind: 'incident', severity: 'minor' }],
    ['doc-anomaly', 'critical', { kind: 'doc-anomaly', severity: 'critical' }],
    ['service-request', 'medium', { kind: 'service-request', severity: 'medium' }],
    ['anomaly', 'critical', null],
    ['doc-anomaly', 'blocking', null],
    ['service-request', 'major', null],
    ['incident', null, null],
    ['anomaly', 'Bloquante', null],
  ])('%s with %s', (kind, severity, expected) => {
    expect(qualificationOf(kind, severity)).toEqual(expected);
  });

  it('keeps exactly the names on the kind’s scale (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ISSUE_KINDS), fc.constantFrom(...NAMES), (kind, name) => {
        const onScale = SCALES[kind].includes(name);
        expect(qualificationOf(kind, name)).toEqual(onScale ? { kind, severity: name } : null);
        expect(severityOnScale(kind, name)).toBe(onScale ? name : null);
      }),
    );
  });

  it('agrees with readSeverity: what it reads is on the kind’s scale', () => {
    for (const kind of ISSUE_KINDS)
      for (const text of ['Bloquante', 'Critique', 'Majeure', 'Mineure', 'Élevée', 'Moyenne', 'Basse']) {
        const read = readSeverity(kind, text);
        if (read !== null) expect(qualificationOf(kind, read)?.severity).toBe(read);
      }
  });

  it('isSeverity: a name on some scale', () => {
    const all: readonly Severity[] = ['blocking', 'critical', 'major', 'minor', 'high', 'medium', 'low'];
    expect(NAMES.filter(isSeverity).sort()).toEqual([...all].sort());
  });
});
