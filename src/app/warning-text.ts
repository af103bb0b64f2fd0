// The text of a warning before a breach (issue 10, item 4): what Jira's issue notification sends, French first, then
// English. Pure: the clock, the threshold, the time left and the due instant in, the subject and bodies out.
// "Send notification for issue" (POST /rest/api/3/issue/{issueIdOrKey}/notify) takes a subject, a plain text body and
// an HTML body; Jira adds the issue's own header, so the text says only what the warning is.
import { DateTime } from 'luxon';
import { CONTRACT_ZONE } from '../domain/contract-zone';
import type { ClockId } from '../domain/sla/targets';

export type WarningTextInput = {
  readonly issueKey: string;
  /** The site's URL (`https://example.atlassian.net`), or null when unknown: the link is then relative. */
  readonly siteUrl: string | null;
  readonly clock: ClockId;
  /** Percentage of the target (100 = the breach). */
  readonly threshold: number;
  /** Business time left before the due instant, as of the computation (negative or 0 once breached). */
  readonly remainingMs: number | null;
  /** The due instant (ISO 8601 with an offset), or null when the clock has none. */
  readonly dueAt: string | null;
};

export type WarningText = {
  readonly subject: string;
  readonly textBody: string;
  readonly htmlBody: string;
};

const CLOCK_FR: Record<ClockId, string> = { workaround: 'contournement', resolution: 'correction' };
const CLOCK_EN: Record<ClockId, string> = { workaround: 'workaround', resolution: 'fix' };

const MINUTE_MS = 60_000;

/**
 * A business duration in hours and minutes, rounded down to the minute ("3 h 20 min", "45 min", "27 h").
 * @example durationText(12_000_000) // '3 h 20 min'
 */
export const durationText = (ms: number): string => {
  const minutes = Math.floor(Math.max(0, ms) / MINUTE_MS);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
};

/**
 * The due instant in the contract's zone, day/month and time.
 * @example dueText('2026-04-24T16:00:00.000Z') // { fr: 'échéance le 24/04 à 18:00', en: 'due on 24/04 at 18:00' }
 */
export const dueText = (dueAt: string | null): { readonly fr: string; readonly en: string } | null => {
  if (dueAt === null) return null;
  const ms = Date.parse(dueAt);
  if (!Number.isFinite(ms)) return null;
  const local = DateTime.fromMillis(ms, { zone: CONTRACT_ZONE });
  const day = local.toFormat('dd/LL');
  const time = local.toFormat('HH:mm');
  return { fr: `échéance le ${day} à ${time}`, en: `due on ${day} at ${time} (Paris time)` };
};

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The issue's link: the site's URL + /browse/KEY. */
export const issueLink = (siteUrl: string | null, issueKey: string): string =>
  `${(siteUrl ?? '').replace(/\/+$/, '')}/browse/${encodeURIComponent(issueKey)}`;

/**
 * The warning's subject and bodies.
 * @example warningText({ issueKey: 'DEMAT-7', siteUrl: 'https://x.atlassian.net', clock: 'resolution', threshold: 75,
 *   remainingMs: 12_000_000, dueAt: '2026-04-24T16:00:00Z' }).subject
 *   // '[DEMAT-7] SLA : 75 % du délai de correction écoulé / 75% of the fix time elapsed'
 */
export const warningText = (input: WarningTextInput): WarningText => {
  const clockFr = CLOCK_FR[input.clock];
  const clockEn = CLOCK_EN[input.clock];
  const breached = input.threshold >= 100 || (input.remainingMs !== null && input.remainingMs <= 0);
  const subject = breached
    ? `[${input.issueKey}] SLA : délai de ${clockFr} dépassé / ${clockEn} deadline passed`
    : `[${input.issueKey}] SLA : ${input.threshold} % du délai de ${clockFr} écoulé / ${input.threshold}% of the ${clockEn} time elapsed`;
  const leftFr = breached
    ? 'délai dépassé'
    : input.remainingMs === null
      ? 'temps restant inconnu'
      : `reste ${durationText(input.remainingMs)} (temps ouvré)`;
  const leftEn = breached
    ? 'deadline passed'
    : input.remainingMs === null
      ? 'time left unknown'
      : `${durationText(input.remainingMs)} left (business time)`;
  const due = dueText(input.dueAt);
  const link = issueLink(input.siteUrl, input.issueKey);
  const fr = `Délai de ${clockFr} de ${input.issueKey} : ${leftFr}${due === null ? '' : `, ${due.fr}`}.`;
  const en = `${input.issueKey} ${clockEn} time: ${leftEn}${due === null ? '' : `, ${due.en}`}.`;
  const textBody = `${fr}\n${en}\n${link}`;
  const htmlBody =
    `<p>${escapeHtml(fr)}</p><p>${escapeHtml(en)}</p>` +
    `<p><a href="${escapeHtml(link)}">${escapeHtml(input.issueKey)}</a></p>`;
  return { subject, textBody, htmlBody };
};
