// Keys and values the app writes to the Forge key-value store, shaped to fit it: a key only has letters, digits,
// `:` `.` `_` `-` `#` and spaces ("Error handling for the Key-Value Store", INVALID_KEY), and a value is at most
// 240 KiB ("KVS and Custom Entity Store limits"). workbench/host/local-kvs.ts refuses what breaks either.
import { DateTime } from 'luxon';

/** Room left under the 240 KiB value limit (245,760 bytes) for the request around the value. */
export const MAX_CHUNK_BYTES = 200 * 1024;

/**
 * An instant as a key part: UTC ISO-8601 with `Z`, since a key may not hold the `+` of an offset.
 * @example instantKeyPart('2026-04-24T12:00:00.000+02:00') // '2026-04-24T10:00:00.000Z'
 */
export const instantKeyPart = (iso: string): string => DateTime.fromISO(iso, { setZone: true }).toUTC().toISO();

/** UTF-8 bytes this code unit (or pair) takes inside a JSON string, as JSON.stringify writes it. */
const jsonBytesAt = (text: string, i: number): { bytes: number; units: number } => {
  const c = text.charCodeAt(i);
  if (c === 0x22 || c === 0x5c) return { bytes: 2, units: 1 }; // \" \\
  if (c === 0x08 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d) return { bytes: 2, units: 1 }; // \b \t \n \f \r
  if (c < 0x20) return { bytes: 6, units: 1 }; // \u00XX
  if (c < 0x80) return { bytes: 1, units: 1 };
  if (c < 0x800) return { bytes: 2, units: 1 };
  if (c >= 0xd800 && c <= 0xdbff) {
    const next = text.charCodeAt(i + 1);
    if (next >= 0xdc00 && next <= 0xdfff) return { bytes: 4, units: 2 }; // a pair is never cut in two
    return { bytes: 6, units: 1 }; // a lone surrogate is written \uXXXX
  }
  if (c >= 0xdc00 && c <= 0xdfff) return { bytes: 6, units: 1 };
  return { bytes: 3, units: 1 };
};

/**
 * Cuts a text into pieces that each take at most `maxBytes` as a stored JSON string (quotes included), in order:
 * joining them gives the text back. Counting bytes, not characters: a quote or an accent takes two.
 * @example splitByJsonBytes('abcdefghij', 8) // ['abcdef', 'ghij'] ("abcdef" with its quotes is 8 bytes)
 */
export const splitByJsonBytes = (text: string, maxBytes: number = MAX_CHUNK_BYTES): string[] => {
  if (maxBytes < 8)
    throw new RangeError('splitByJsonBytes: maxBytes must be >= 8 (two quotes and the widest character)');
  const pieces: string[] = [];
  let start = 0;
  let bytes = 2; // the quotes
  let i = 0;
  while (i < text.length) {
    const at = jsonBytesAt(text, i);
    if (bytes + at.bytes > maxBytes) {
      pieces.push(text.slice(start, i));
      start = i;
      bytes = 2;
    }
    bytes += at.bytes;
    i += at.units;
  }
  if (start < text.length) pieces.push(text.slice(start));
  return pieces;
};
