// Words for the panel's figures. Presentation only: every number shown comes from the server's view as it is.
import type { ClockView, SlaStatus } from '../../../src/contract';
import type { Tone } from '../../shared/src/colours';
import { formatBusinessDuration, displayInstant } from '../../shared/src/format';
import { isSingular, type Lang, type Translate } from '../../shared/src/i18n/translate';
import { hasKey, type PanelMessageKey } from './i18n';

type T = Translate<PanelMessageKey>;

/** A value the dictionary knows (`prefix.value`), or the value itself. */
export const labelOf = (t: T, prefix: string, value: string): string => {
  const key = `${prefix}.${value}`;
  return hasKey(key) ? t(key) : value;
};

const WHOLE_DAYS = /^\s*(\d+)\s*d\s*$/i;
const ISO_WHOLE_DAYS = /^P(\d+)D$/i;

/**
 * The target as people say it: "4 h ouvrées", "1 jour ouvré (10 h)", "Sprint suivant : Sprint 12, échéance …".
 * The label is the settings' rule ("4h", "1d", "next-sprint"); the figures come from `targetMs` and the sprint.
 */
export const targetText = (
  t: T,
  lang: Lang,
  target: NonNullable<ClockView['target']>,
  targetMs: number | null,
): string => {
  if (target.label.trim().toLowerCase() === 'next-sprint') {
    return target.sprint === null
      ? t('target.nextSprintUnknown')
      : t('target.nextSprint', { sprint: target.sprint.name, at: displayInstant(target.sprint.dueAt, lang) });
  }
  if (targetMs === null) return target.label;
  const duration = formatBusinessDuration(targetMs, lang);
  const days = WHOLE_DAYS.exec(target.label) ?? ISO_WHOLE_DAYS.exec(target.label);
  if (days?.[1] !== undefined) {
    const count = Number(days[1]);
    return t(isSingular(count, lang) ? 'target.days.one' : 'target.days.other', { days: count, duration });
  }
  return t('target.hours', { duration });
};

/** "Dépassé de 2 h" once breached, the time left otherwise, "—" without a target. */
export const remainingText = (t: T, lang: Lang, clock: ClockView): string => {
  if (clock.remainingMs === null) return t('common.none');
  if (clock.breached)
    return clock.remainingMs < 0
      ? t('clock.overrun', { duration: formatBusinessDuration(-clock.remainingMs, lang) })
      : t('clock.breached');
  return formatBusinessDuration(clock.remainingMs, lang);
};

export const slaStatusTone = (status: SlaStatus | null): Tone =>
  status === 'breached' ? 'danger' : status === 'met' ? 'success' : status === 'running' ? 'information' : 'neutral';
