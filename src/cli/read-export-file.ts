// Reads a Jira export file issue by issue, so that a 100,000-issue file never sits in memory. The export's `names`,
// `changelogs`, `sprints`, `versions` and `board` are needed before its issues and come after them in a
// /rest/api/3/search/jql-shaped file, so the file is read twice:
//   pass 1: everything but the issues' contents, parsed by @streamparser/json (the `issues` array is fed to it as
//           `[]`: a small scanner that only follows strings and brackets finds where the array starts and ends);
//   pass 2: the bytes of the `issues` array only, cut by the same scanner at its top-level commas, each issue parsed
//           by JSON.parse and read by jira-export.ts's readIssue (the same checks and errors as parseJiraExport).
// Reading is synchronous, in chunks of 1 MiB; at most one chunk and one issue are held at a time.
import { closeSync, openSync, readSync } from 'node:fs';
import { JSONParser } from '@streamparser/json';
import { isRecord } from '../domain/is-record';
import { ok, type Result } from '../domain/result';
import {
  parseExportHead,
  readIssue,
  type BrokenIssue,
  type ExportSource,
  type JiraIssueRecord,
} from '../jira/jira-export';

/** Reads up to `buffer.length` bytes at `position` into `buffer`; returns how many (0 at the end). */
export type ReadAt = (buffer: Uint8Array, position: number) => number;

/** A file opened for reading: the default source of bytes (tests pass their own to watch what is read). */
export type ByteSource = { readonly readAt: ReadAt; readonly close: () => void };

/** The file is not valid JSON: the parser's complaint, with its position in the file. */
export class ExportFileError extends Error {}

export type ExportFile = {
  /** The export, its issues read from the file each time they are iterated. */
  readonly source: ExportSource;
  /** The top-level `board` (GET /rest/agile/1.0/board/{boardId}/configuration), undefined when there is none. */
  readonly board: unknown;
};

const CHUNK = 1 << 20;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const ISSUES = 'issues';
const CHANGELOGS = 'changelogs';

/** The fast reading of the top-level `changelogs` could not be sure of its result: pass 1 is read again without it. */
class FastPathMiss extends Error {}

/** Longest key compared with "issues" and "changelogs" (longer depth-1 strings are not keys the reader looks for). */
const KEY_LIMIT = 10;

/**
 * The index of the quote that closes a string whose contents start at `from` (`escapedFirst`: the byte at `from`
 * is escaped by a backslash that ended the previous chunk), or -1 when the string runs past `end`. Strings are
 * most of an export's bytes: Buffer.indexOf finds their end far faster than a loop over their bytes.
 */
const NEAR = 16;
const closingQuote = (buffer: Buffer, from: number, end: number, escapedFirst: boolean): number => {
  const floor = escapedFirst ? from + 1 : from;
  // Most strings are short (keys, ids): a plain loop over their first bytes costs less than a call to indexOf.
  const near = Math.min(end, floor + NEAR);
  let i = floor;
  for (; i < near; i++) {
    if (buffer[i] === QUOTE) {
      let k = i - 1;
      while (k >= floor && buffer[k] === BACKSLASH) k--;
      if ((i - 1 - k) % 2 === 0) return i;
    }
  }
  while (i < end) {
    const q = buffer.indexOf(QUOTE, i);
    if (q < 0 || q >= end) return -1;
    let k = q - 1;
    while (k >= floor && buffer[k] === BACKSLASH) k--;
    if ((q - 1 - k) % 2 === 0) return q;
    i = q + 1;
  }
  return -1;
};

/** Whether a string left open at `end` ends on an escaping backslash (its next byte, in the next chunk, is escaped). */
const endsEscaped = (buffer: Buffer, from: number, end: number, escapedFirst: boolean): boolean => {
  const floor = escapedFirst ? from + 1 : from;
  let k = end - 1;
  while (k >= floor && buffer[k] === BACKSLASH) k--;
  return (end - 1 - k) % 2 === 1;
};

const isSpace = (byte: number): boolean => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;

/** The parser's message with the position it reports rewritten as a position in the file. */
const describeParserError = (error: unknown, filePosition: (fed: number) => number): string => {
  const message = error instanceof Error ? error.message : String(error);
  const absolute = /at chunk position "\d+" \(absolute position "(\d+)"\)/.exec(message);
  if (absolute) return message.replace(absolute[0], `at byte ${filePosition(Number(absolute[1]))}`);
  if (/ended in (the middle|mid-parsing)/i.test(message)) return `unexpected end of file (${message})`;
  return message;
};

/** The `issues` array's `[` and `]`, and the positions of the commas between its elements (found by pass 1). */
type IssuesRange = { readonly start: number; readonly end: number; readonly commas: readonly number[] };

/**
 * Pass 1: the whole file with the contents of its top-level `issues` array left out. Returns the parsed top level
 * (its `issues` an empty array when the array was skipped) and the byte range of that array (`[` .. `]`).
 */
const readTopLevel = (read: ReadAt): { top: unknown; range: IssuesRange | null } => {
  try {
    return readTopLevelWith(read, true);
  } catch (error) {
    // Any doubt or error: the plain reading, which gives the parser's own errors and positions.
    if (error instanceof FastPathMiss || error instanceof ExportFileError) return readTopLevelWith(read, false);
    throw error;
  }
};

/**
 * Pass 1 itself. With `fastChangelogs`, the top-level `changelogs` array (the largest part of the top level) is
 * skipped like `issues` and its elements are cut at their top-level commas and parsed by JSON.parse (the token
 * parser costs several times JSON.parse), then put in place of the empty array the parser was fed.
 */
const readTopLevelWith = (read: ReadAt, fastChangelogs: boolean): { top: unknown; range: IssuesRange | null } => {
  let top: unknown;
  const parser = new JSONParser({ paths: ['$'], keepStack: false });
  parser.onValue = ({ value }) => {
    top = value;
  };
  const buffer = Buffer.allocUnsafe(CHUNK);
  // Scanner state: depth of brackets, inside a string (left open by the previous chunk), after a backslash; the
  // last depth-1 string and whether it was followed by a colon (then it is a key, and the value that follows is
  // that key's); a short depth-1 string's start carried over from the previous chunk.
  let depth = 0;
  let inString = false;
  let escaped = false;
  let carried: string | null = null;
  let lastString: string | null = null;
  let pendingKey: string | null = null;
  let issuesStart = -1;
  let issuesEnd = -1;
  let skipping = false;
  const commas: number[] = [];
  let position = 0;
  // The changelogs being collected: their elements so far, the unfinished one's bytes and where it starts.
  let collecting = false;
  let changelogsSeen = 0;
  let unsureKeys = false;
  let changelogs: unknown[] | null = null;
  let parts: Buffer[] = [];
  let elementFrom = 0;
  const parseElement = (text: string): unknown => {
    try {
      return JSON.parse(text);
    } catch {
      throw new FastPathMiss();
    }
  };
  const elementText = (end: number): string =>
    parts.length === 0
      ? buffer.toString('utf8', elementFrom, end)
      : Buffer.concat([...parts, buffer.subarray(elementFrom, end)]).toString('utf8');
  const filePosition = (fed: number): number =>
    issuesEnd >= 0 && fed > issuesStart ? fed + (issuesEnd - issuesStart - 1) : fed;
  /** Feeds the bytes at `at` in the file; an error the parser gives without a position is placed in them. */
  const feed = (bytes: Uint8Array, at: number): void => {
    try {
      parser.write(bytes);
    } catch (error) {
      const message = describeParserError(error, filePosition);
      const where = / at byte \d+/.test(message) ? '' : `, in bytes ${at}..${at + bytes.length - 1}`;
      throw new ExportFileError(`not valid JSON (${message}${where})`);
    }
  };
  /** A depth-1 string read whole: a key to compare when short and without escapes. */
  const keyText = (text: string): string | null => (text.length <= KEY_LIMIT && !text.includes('\\') ? text : null);
  for (;;) {
    const n = read(buffer, position);
    if (n === 0) break;
    let from = 0;
    let i = 0;
    elementFrom = 0;
    if (inString) {
      // A string that the previous chunk left open.
      const q = closingQuote(buffer, 0, n, escaped);
      if (q < 0) {
        escaped = endsEscaped(buffer, 0, n, escaped);
        if (carried !== null) unsureKeys = true;
        carried = null;
        i = n;
      } else {
        if (carried !== null) {
          lastString = keyText(carried + buffer.toString('latin1', 0, q));
          unsureKeys = true;
        }
        carried = null;
        inString = false;
        escaped = false;
        i = q + 1;
      }
    }
    for (; i < n; i++) {
      const byte = buffer[i] as number;
      if (skipping) {
        // Inside the issues (most of the file): only strings, brackets and the commas between issues matter.
        if (byte === QUOTE) {
          const q = closingQuote(buffer, i + 1, n, false);
          if (q < 0) {
            inString = true;
            escaped = endsEscaped(buffer, i + 1, n, false);
            carried = null;
            break;
          }
          i = q;
        } else if (byte === COMMA) {
          if (depth === 2) commas.push(position + i);
        } else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) depth++;
        else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
          depth--;
          if (depth === 1) {
            skipping = false;
            issuesEnd = position + i;
            from = i;
          }
        }
        continue;
      }
      if (byte === QUOTE) {
        const keyLike = depth === 1;
        const q = closingQuote(buffer, i + 1, n, false);
        if (q < 0) {
          inString = true;
          escaped = endsEscaped(buffer, i + 1, n, false);
          carried = keyLike && n - i - 1 <= KEY_LIMIT ? buffer.toString('latin1', i + 1, n) : null;
          if (keyLike) {
            lastString = null;
            unsureKeys = true;
          }
          break;
        }
        if (keyLike) {
          lastString = q - i - 1 <= KEY_LIMIT ? keyText(buffer.toString('latin1', i + 1, q)) : null;
          if (buffer.subarray(i + 1, q).includes(BACKSLASH)) unsureKeys = true;
        }
        i = q;
        continue;
      }
      if (isSpace(byte)) continue;
      if (byte === COLON) {
        if (depth === 1) {
          pendingKey = lastString;
          if (pendingKey === CHANGELOGS) changelogsSeen++;
        }
        continue;
      }
      if (byte === COMMA && collecting && depth === 2) {
        (changelogs ?? []).push(parseElement(elementText(i)));
        parts = [];
        elementFrom = i + 1;
        continue;
      }
      const keyOfValue = pendingKey;
      pendingKey = null;
      lastString = null;
      if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
        depth++;
        if (depth === 2 && byte === OPEN_BRACKET && keyOfValue === ISSUES && issuesStart < 0) {
          // Feed up to and including the `[`; the array's contents are skipped until its `]`.
          feed(buffer.subarray(from, i + 1), position + from);
          issuesStart = position + i;
          skipping = true;
        } else if (
          fastChangelogs &&
          depth === 2 &&
          byte === OPEN_BRACKET &&
          keyOfValue === CHANGELOGS &&
          changelogs === null &&
          !skipping
        ) {
          feed(buffer.subarray(from, i + 1), position + from);
          collecting = true;
          changelogs = [];
          elementFrom = i + 1;
        }
      } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
        depth--;
        if (collecting && depth === 1) {
          collecting = false;
          const last = elementText(i);
          if (!(last.trim() === '' && (changelogs ?? []).length === 0)) (changelogs ?? []).push(parseElement(last));
          parts = [];
          from = i;
        }
      }
    }
    if (collecting && elementFrom < n) parts.push(Buffer.from(buffer.subarray(elementFrom, n)));
    if (!skipping && !collecting) feed(buffer.subarray(from, n), position + from);
    position += n;
  }
  if (collecting) throw new FastPathMiss();
  if (skipping)
    throw new ExportFileError(`not valid JSON (unexpected end of file inside "issues", at byte ${position})`);
  try {
    // The parser ends by itself once the top-level value is complete.
    if (!parser.isEnded) parser.end();
  } catch (error) {
    throw new ExportFileError(`not valid JSON (${describeParserError(error, filePosition)})`);
  }
  if (top === undefined) throw new ExportFileError('not valid JSON (the file is empty)');
  if (changelogs !== null) {
    // In place of the `[]` fed to the parser: only when that key is surely the one the parser kept.
    if (unsureKeys || changelogsSeen !== 1 || !isRecord(top) || !Array.isArray(top[CHANGELOGS]))
      throw new FastPathMiss();
    if (top[CHANGELOGS].length !== 0) throw new FastPathMiss();
    Reflect.set(top, CHANGELOGS, changelogs);
  }
  return { top, range: issuesStart >= 0 ? { start: issuesStart, end: issuesEnd, commas } : null };
};

/**
 * Pass 2: the issues of the array at `range`, one at a time, cut at the commas pass 1 found (its scanner follows
 * strings and brackets only), each element parsed by JSON.parse: a token-level parser in JavaScript costs 2.5 to 4.5
 * times JSON.parse (README, "The command line"), and pass 1 has already checked everything else. The bytes are read
 * a chunk at a time, from the first element not yet in the buffer (an element longer than a chunk on its own).
 */
function* readIssues(
  read: ReadAt,
  range: IssuesRange,
  bulkHistories: ReadonlyMap<string, readonly unknown[]>,
): Generator<JiraIssueRecord | BrokenIssue> {
  const buffer = Buffer.allocUnsafe(CHUNK);
  const stop = range.end; // the `]`
  let bufferStart = 0; // the file position of buffer[0]
  let bufferEnd = 0; // the file position after the buffer's last byte read
  /** Reads [from, to) of the file into `into`, whole (a read may return fewer bytes than asked). */
  const fill = (into: Buffer, from: number, to: number): void => {
    let at = from;
    while (at < to) {
      const n = read(into.subarray(at - from, to - from), at);
      if (n === 0) throw new ExportFileError(`not valid JSON (the file changed while it was read, at byte ${at})`);
      at += n;
    }
  };
  const text = (from: number, to: number): string => {
    if (from >= bufferStart && to <= bufferEnd) return buffer.toString('utf8', from - bufferStart, to - bufferStart);
    if (to - from > CHUNK) {
      const own = Buffer.allocUnsafe(to - from);
      fill(own, from, to);
      return own.toString('utf8');
    }
    bufferStart = from;
    bufferEnd = Math.min(from + CHUNK, stop);
    fill(buffer, bufferStart, bufferEnd);
    return buffer.toString('utf8', 0, to - from);
  };
  const parse = (element: string, index: number, elementStart: number): unknown => {
    try {
      return JSON.parse(element);
    } catch (error) {
      const message = error instanceof SyntaxError ? error.message : String(error);
      throw new ExportFileError(`not valid JSON (issues[${index}], from byte ${elementStart}: ${message})`);
    }
  };
  let elementStart = range.start + 1; // after the `[`
  let index = 0;
  for (const comma of range.commas) {
    const value = parse(text(elementStart, comma), index, elementStart);
    yield readIssue(value, index++, bulkHistories);
    elementStart = comma + 1;
  }
  const last = text(elementStart, stop);
  if (last.trim() === '' && index === 0) return; // []
  yield readIssue(parse(last, index, elementStart), index++, bulkHistories);
}

const openFile = (file: string): ByteSource => {
  const fd = openSync(file, 'r');
  return {
    readAt: (buffer, position) => readSync(fd, buffer, 0, buffer.length, position),
    close: () => closeSync(fd),
  };
};

/**
 * Opens an export file: reads its top level (pass 1) now, and its issues (pass 2) each time `source.issues` is
 * iterated. Fails (as parseJiraExport does) when the top level is not an export; throws ExportFileError when the
 * file is not valid JSON (while iterating the issues, for JSON errors inside them), and file system errors as they
 * come (ENOENT, EISDIR...).
 */
export const readExportFile = (file: string, open: (file: string) => ByteSource = openFile): Result<ExportFile> => {
  const bytes = open(file);
  let pass1: { top: unknown; range: IssuesRange | null };
  try {
    pass1 = readTopLevel(bytes.readAt);
  } finally {
    bytes.close();
  }
  const { top, range } = pass1;
  const parsed = parseExportHead(top);
  if (!parsed.ok) return parsed;
  const { bulkHistories, ...head } = parsed.value.head;
  const inMemory = parsed.value.issues;
  const issues: Iterable<JiraIssueRecord | BrokenIssue> = {
    *[Symbol.iterator]() {
      // An `issues` key the scanner could not see (written with escapes) was parsed with the rest: read it from memory.
      if (range === null) {
        for (let i = 0; i < inMemory.length; i++) yield readIssue(inMemory[i], i, bulkHistories);
        return;
      }
      const again = open(file);
      try {
        yield* readIssues(again.readAt, range, bulkHistories);
      } finally {
        again.close();
      }
    },
  };
  const board = isRecord(top) ? top.board : undefined;
  return ok({ source: { ...head, issues }, board });
};
