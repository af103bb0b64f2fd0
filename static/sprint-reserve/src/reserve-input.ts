// What the Product Owner types as a reserve: a number of the board's unit, zero or more, with a decimal comma or
// point ("7,5" or "7.5"); spaces between thousands are allowed. Anything else is refused before any call.

const NUMBER = /^(\d+([.,]\d*)?|[.,]\d+)$/;
const SPACES = /[\s\u00a0\u202f]/g;

/**
 * The reserve typed, or null when the text is not a number ≥ 0.
 * @example parseReserveInput('7,5') // 7.5
 * @example parseReserveInput('-1') // null
 */
export const parseReserveInput = (text: string): number | null => {
  const compact = text.replace(SPACES, '');
  if (!NUMBER.test(compact)) return null;
  const value = Number(compact.replace(',', '.'));
  return Number.isFinite(value) && value >= 0 ? value : null;
};

/** The text the input starts from: the reserve as the viewer writes it, without grouping (so it reads back). */
export const reserveInputText = (value: number, lang: 'fr' | 'en'): string =>
  lang === 'fr' ? String(value).replace('.', ',') : String(value);
