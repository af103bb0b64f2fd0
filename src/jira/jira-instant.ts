// Jira's timestamps ("2026-03-02T09:15:00.000+0100", offsets with or without a colon, or Z) → epoch ms.
// Strict: a date without an offset is refused (Jira always sends one), so nothing depends on the host zone.
const JIRA_INSTANT = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+-]\d{2}:?\d{2})$/;

/**
 * Parses a Jira instant; null when the text is not one.
 * @example parseJiraInstant('2026-03-02T09:15:00.000+0100') // 1772439300000
 */
export const parseJiraInstant = (text: unknown): number | null => {
  if (typeof text !== 'string') return null;
  const match = JIRA_INSTANT.exec(text.trim());
  if (!match) return null;
  const [, local, offset] = match as unknown as [string, string, string];
  const normalizedOffset =
    offset === 'Z' ? 'Z' : offset.includes(':') ? offset : `${offset.slice(0, 3)}:${offset.slice(3)}`;
  // Milliseconds beyond three digits are cut: Date.parse reads at most three.
  const ms = Date.parse(`${local.replace(/(\.\d{3})\d+$/, '$1')}${normalizedOffset}`);
  return Number.isFinite(ms) ? ms : null;
};
