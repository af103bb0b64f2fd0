import fc from 'fast-check';
import { instantKeyPart, splitByJsonBytes } from './kvs-limits';

// The rule as "Error handling for the Key-Value Store" prints it (workbench/host/local-kvs.ts enforces it).
const FORGE_KEY = /^(?!\s+$)[a-zA-Z0-9:._\s-#]+$/;
const storedBytes = (piece: string): number => Buffer.byteLength(JSON.stringify(piece), 'utf8');

describe('instantKeyPart', () => {
  it.each([
    ['an offset east of UTC', '2026-04-24T12:00:00.000+02:00', '2026-04-24T10:00:00.000Z'],
    ['an offset west of UTC', '2026-04-24T07:30:00-04:30', '2026-04-24T12:00:00.000Z'],
    ['already UTC', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00.000Z'],
  ])('%s', (_name, iso, expected) => {
    expect(instantKeyPart(iso)).toBe(expected);
    expect(`settings:unreadable:${instantKeyPart(iso)}`).toMatch(FORGE_KEY);
  });

  it('can fail: the offset form it replaces is not a Forge key', () => {
    expect('settings:unreadable:2026-04-24T12:00:00.000+02:00').not.toMatch(FORGE_KEY);
  });
});

describe('splitByJsonBytes', () => {
  it.each([
    ['ASCII takes one byte', 'abcdefghij', 8, ['abcdef', 'ghij']],
    ['a quote takes two bytes', '"'.repeat(6), 8, ['"""', '"""']],
    ['an accent takes two bytes', 'éééé', 8, ['ééé', 'é']],
    ['a control character takes six bytes', '\u0001\u0001', 8, ['\u0001', '\u0001']],
    ['a surrogate pair is never cut', '😀😀', 8, ['😀', '😀']],
    ['empty text, no piece', '', 10, []],
  ])('%s', (_name, text, maxBytes, expected) => {
    expect(splitByJsonBytes(text, maxBytes)).toEqual(expected);
  });

  it('gives the text back, each piece within the budget as JSON.stringify measures it', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.integer({ min: 8, max: 64 }), (text, maxBytes) => {
        const pieces = splitByJsonBytes(text, maxBytes);
        expect(pieces.join('')).toBe(text);
        for (const piece of pieces) expect(storedBytes(piece)).toBeLessThanOrEqual(maxBytes);
      }),
    );
  });

  it('keeps a JSON text holding quoted French text under the 240 KiB value limit, where 180,000 characters would not fit', () => {
    const csv = Array.from({ length: 8000 }, (_, i) => `"DEMAT-${i}";"Résolu";"Élevée"`).join('\n');
    const text = JSON.stringify({ report: { csv } });
    expect(storedBytes(text.slice(0, 180_000))).toBeGreaterThan(240 * 1024);
    const pieces = splitByJsonBytes(text);
    expect(pieces.join('')).toBe(text);
    for (const piece of pieces) expect(storedBytes(piece)).toBeLessThanOrEqual(200 * 1024);
  });
});
