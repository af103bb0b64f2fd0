// Words and formats for the month's figures. Presentation only: every value is the server's, as it is; a null value
// (nothing to measure) reads "—" with the status "Aucune donnée", never 0 % or 100 %.
import type {
  MonthlyFigureSection,
  MonthlyFigureStatus,
  MonthlyFigureView,
  Notice,
  ReserveUnit,
} from '../../../src/contract';
import type { Tone } from '../../shared/src/colours';
import { formatBusinessDuration, formatCalendarDuration, formatNumber, formatShare } from '../../shared/src/format';
import { isSingular, type Lang, type Translate } from '../../shared/src/i18n/translate';
import { hasKey, type IndicatorsMessageKey } from './i18n';

type T = Translate<IndicatorsMessageKey>;

/** The report's sections, in the order of the contract's indicator table. */
export const SECTIONS: readonly MonthlyFigureSection[] = [
  'incidents',
  'open-incidents',
  'anomalies',
  'doc-anomalies',
  'service-requests',
  'quality',
  'flow',
  'sprints',
];

export type SectionGroup = { readonly section: string; readonly figures: readonly MonthlyFigureView[] };

/** The figures by section, in SECTIONS order and the report's order within; a section the server adds later comes last. */
export const groupBySection = (figures: readonly MonthlyFigureView[]): readonly SectionGroup[] => {
  const order: string[] = [...SECTIONS];
  for (const figure of figures) if (!order.includes(figure.section)) order.push(figure.section);
  return order
    .map((section) => ({ section, figures: figures.filter((f) => f.section === section) }))
    .filter((group) => group.figures.length > 0);
};

export const sectionTitle = (t: T, section: string): string => {
  const key = `section.${section}`;
  return hasKey(key) ? t(key) : section;
};

/** A ratio read as a share: predictability (done ÷ planned); the escaped defect rate stays a plain quotient. */
const readsAsShare = (figure: MonthlyFigureView): boolean =>
  figure.unit === 'rate' || (figure.unit === 'ratio' && figure.section === 'sprints');

const durationText = (figure: MonthlyFigureView, ms: number, lang: Lang): string =>
  figure.dimensions.basis === 'business' ? formatBusinessDuration(ms, lang) : formatCalendarDuration(ms, lang);

const unitText = (t: T, unit: ReserveUnit | null): string => (unit === null ? '' : `\u00a0${t(`unit.${unit}`)}`);

/**
 * A figure's value in its unit: "92,3 %", "3", "3 j 4 h", "12 h 30 min", "0,22", "0,25 pts/h"; null without value.
 * @example valueText(t, 'fr', { unit: 'rate', value: 12 / 13, … }, null) // '92,3 %'
 */
export const valueText = (t: T, lang: Lang, figure: MonthlyFigureView, unit: ReserveUnit | null): string | null => {
  const { value } = figure;
  if (value === null) return null;
  switch (figure.unit) {
    case 'rate':
      return formatShare(value, lang);
    case 'count':
      return formatNumber(value, lang);
    case 'ms':
      return durationText(figure, value, lang);
    case 'ratio':
      return readsAsShare(figure) ? formatShare(value, lang) : formatNumber(value, lang, 2);
    case 'units-per-hour':
      return `${formatNumber(value, lang, 2)}\u00a0${unit === null ? t('unit.perHour') : t(`unit.perHour.${unit}`)}`;
    default:
      return formatNumber(value, lang);
  }
};

/**
 * What a figure is computed from, as the parts either side of " / ": ["12", "13"] for rates, ["14", "21 pts"] for
 * predictability, ["14 pts", "56 h"] for productivity, ["Σ 37 j 1 h", "7 tickets"] for a mean duration, ["7 tickets"]
 * for a median; null when there is nothing (a count).
 */
export const fractionParts = (
  t: T,
  lang: Lang,
  figure: MonthlyFigureView,
  unit: ReserveUnit | null,
): readonly string[] | null => {
  const { numerator, denominator } = figure;
  if (figure.unit === 'count') return null;
  if (figure.unit === 'ms') {
    if (denominator === null) return null;
    const issues = t(isSingular(denominator, lang) ? 'fraction.issue' : 'fraction.issues', {
      count: formatNumber(denominator, lang),
    });
    return numerator === null ? [issues] : [`Σ\u00a0${durationText(figure, numerator, lang)}`, issues];
  }
  if (numerator === null || denominator === null) return null;
  if (figure.unit === 'units-per-hour')
    return [
      `${formatNumber(numerator, lang)}${unitText(t, unit)}`,
      `${formatNumber(denominator, lang)}\u00a0${t('unit.hours')}`,
    ];
  const suffix = figure.section === 'sprints' ? unitText(t, unit) : '';
  return [formatNumber(numerator, lang), `${formatNumber(denominator, lang)}${suffix}`];
};

/** "≥ 95 %" for the contract's thresholds; null for a figure without one. */
export const thresholdText = (t: T, lang: Lang, figure: MonthlyFigureView): string | null => {
  if (figure.threshold === null) return null;
  return t('threshold.atLeast', {
    value: readsAsShare(figure) ? formatShare(figure.threshold, lang) : formatNumber(figure.threshold, lang, 2),
  });
};

/** Green when met, red when missed; a plain measure is neutral. `no-data` has its own subdued look (no tone). */
export const statusTone = (status: MonthlyFigureStatus): Tone | null =>
  status === 'met' ? 'success' : status === 'missed' ? 'danger' : status === 'measured' ? 'neutral' : null;

export const statusText = (t: T, status: string): string => {
  const key = `status.${status}`;
  return hasKey(key) ? t(key) : status;
};

/** A figure detailed per environment × anomaly class, shown under its total. */
export const isBreakdown = (figure: MonthlyFigureView): boolean =>
  figure.dimensions.environment !== undefined || figure.dimensions.anomalyClass !== undefined;

/** A warning in the viewer's language when its code is known ("Tickets sans gravité… (2)"), else the server's. */
export const noticeText = (t: T, notice: Notice): string => {
  const key = `warning.${notice.code}`;
  return hasKey(key) ? t(key, { count: notice.keys?.length ?? 0 }) : notice.message;
};
