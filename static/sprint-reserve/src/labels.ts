// Words and formats for the page's figures. Presentation only: every amount shown is the server's, as it is.
import type { ReserveUnit, Notice, SprintReserveView } from '../../../src/contract';
import { formatDay, formatNumber } from '../../shared/src/format';
import type { Lang, Translate } from '../../shared/src/i18n/translate';
import { hasKey, type ReserveMessageKey } from './i18n';

type T = Translate<ReserveMessageKey>;

/**
 * An amount in the board's unit, in the viewer's language: "1,5 pts", "12 h" (a no-break space before the unit).
 * @example amountText(t, 'fr', 1.5, 'points') // '1,5 pts'
 */
export const amountText = (t: T, lang: Lang, value: number, unit: ReserveUnit): string =>
  `${formatNumber(value, lang)}\u00a0${t(`unit.${unit}`)}`;

/** Hours logged: "40 h". */
export const hoursText = (lang: Lang, hours: number): string => `${formatNumber(hours, lang)}\u00a0h`;

/** "Du lun. 2 mars 2026 au ven. 13 mars 2026", or what is known of it. */
export const datesText = (t: T, lang: Lang, sprint: SprintReserveView): string => {
  if (sprint.startAt === null && sprint.endAt === null) return t('reserve.noDates');
  const day = (iso: string | null) => (iso === null ? '?' : formatDay(iso, lang));
  return t('reserve.dates', { start: day(sprint.startAt), end: day(sprint.endAt) });
};

/**
 * A sprint warning in the viewer's language when its code is known, else the server's; prefixed with the issues it
 * names ("DEM-7 : sans estimation…").
 */
export const noticeText = (t: T, notice: Notice): string => {
  const key = `warning.${notice.code}`;
  const text = hasKey(key) ? t(key) : notice.message;
  const keys = notice.keys ?? [];
  return keys.length === 0 ? text : t('warning.withKey', { key: keys.join(', '), text });
};

/** The sprint to show first: the one the server focuses, else the active one, else the latest. */
export const focusOf = (
  sprints: readonly SprintReserveView[],
  focusSprintId: number | null,
): SprintReserveView | null =>
  sprints.find((s) => s.sprintId === focusSprintId) ??
  sprints.find((s) => s.state === 'active') ??
  sprints[sprints.length - 1] ??
  null;
