import fc from 'fast-check';
import { classifyAnomaly } from './classify-anomaly';
import { ms } from '../../../test/support/builders';

// D6: VSR window = release date (00:00 Europe/Paris) + 2 calendar months; 4.3 released 2026-03-10 → window ends
// 2026-05-10.
const v42 = { name: 'PLATAU 4.2', releaseDate: '2026-01-15' };
const v43 = { name: 'PLATAU 4.3', releaseDate: '2026-03-10' };
const unreleased = { name: 'PLATAU 4.4', releaseDate: null };

describe('classifyAnomaly (D6)', () => {
  it.each([
    [
      'detected in validation → validation, whatever the versions',
      'validation' as const,
      '2026-09-01T10:00',
      [v42],
      'validation',
      'DETECTED_IN_VALIDATION',
    ],
    [
      'production, within 2 months of the release → validation',
      'production' as const,
      '2026-04-01T10:00',
      [v43],
      'validation',
      'WITHIN_VSR',
    ],
    [
      'production, the last minute of the VSR → validation',
      'production' as const,
      '2026-05-09T23:59',
      [v43],
      'validation',
      'WITHIN_VSR',
    ],
    [
      'production, at the end of the VSR exactly → production',
      'production' as const,
      '2026-05-10T00:00',
      [v43],
      'production',
      'AFTER_VSR',
    ],
    [
      'production, after the VSR → production',
      'production' as const,
      '2026-06-01T10:00',
      [v43],
      'production',
      'AFTER_VSR',
    ],
    [
      'production, several versions: the latest release decides',
      'production' as const,
      '2026-04-01T10:00',
      [v42, v43],
      'validation',
      'WITHIN_VSR',
    ],
    [
      "production, an unreleased version's planned date is not a release: the released one decides",
      'production' as const,
      '2026-03-16T10:00',
      [
        { name: 'PLATAU 4.2', releaseDate: '2025-06-01', released: true },
        { name: 'PLATAU 4.4', releaseDate: '2026-06-30', released: false },
      ],
      'production',
      'AFTER_VSR',
    ],
    [
      'production, no released affected version → unknown',
      'production' as const,
      '2026-04-01T10:00',
      [unreleased],
      null,
      'NO_RELEASED_VERSION',
    ],
    [
      'production, no affected version → unknown',
      'production' as const,
      '2026-04-01T10:00',
      [],
      null,
      'NO_RELEASED_VERSION',
    ],
    ['no environment → unknown', null, '2026-04-01T10:00', [v43], null, 'NO_ENVIRONMENT'],
  ])('%s', (_name, environment, created, versions, expectedClass, reason) => {
    const result = classifyAnomaly({ environment, createdAtMs: ms(created), affectedVersions: versions }, 2);
    expect([result.anomalyClass, result.reason.code]).toEqual([expectedClass, reason]);
  });

  it('ends the VSR at the release date plus the configured months, in Europe/Paris', () => {
    const result = classifyAnomaly(
      { environment: 'production', createdAtMs: ms('2026-04-01T10:00'), affectedVersions: [v43] },
      3,
    );
    expect(result.reason).toEqual({
      code: 'WITHIN_VSR',
      version: 'PLATAU 4.3',
      releaseDate: '2026-03-10',
      vsrEndsAtMs: ms('2026-06-10T00:00'),
    });
  });

  it('is total and deterministic: every input gets exactly one outcome', () => {
    const version = fc.record({
      name: fc.string(),
      releaseDate: fc.option(fc.constantFrom('2025-01-31', '2026-03-10', 'not a date', '2026-12-31'), { nil: null }),
    });
    fc.assert(
      fc.property(
        fc.constantFrom('validation' as const, 'production' as const, null),
        fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2027, 0, 1) }),
        fc.array(version, { maxLength: 4 }),
        (environment, createdAtMs, affectedVersions) => {
          const first = classifyAnomaly({ environment, createdAtMs, affectedVersions }, 2);
          expect(classifyAnomaly({ environment, createdAtMs, affectedVersions }, 2)).toEqual(first);
          expect(first.anomalyClass === null).toBe(
            ['NO_ENVIRONMENT', 'NO_RELEASED_VERSION'].includes(first.reason.code),
          );
        },
      ),
    );
  });
});
