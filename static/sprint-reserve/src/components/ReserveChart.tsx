// A small inline SVG: for each closed sprint, its reserve beside what was consumed, with the overflow on top in red.
// One image for assistive technologies (title, description, aria-label); the table after it has the same figures.
import { useId } from 'react';
import type { ReserveUnit, SprintReserveView } from '../../../../src/contract';
import { colour, toneBackground } from '../../../shared/src/colours';
import { Swatch } from '../../../shared/src/components/StackedBar';
import { formatNumber } from '../../../shared/src/format';
import { useLang } from '../../../shared/src/i18n/react';
import { useT } from '../i18n';
import { amountText } from '../labels';

const GROUP_WIDTH = 104;
const BAR_WIDTH = 28;
const BAR_GAP = 6;
const PLOT_HEIGHT = 110;
/** Room above the tallest bar for its figure. */
const TOP = 16;
const LABEL_HEIGHT = 20;
const NAME_CHARS = 15;

/** Sprint names mostly differ at their end ("DEMAT Sprint 12"): a long one keeps its end. */
const shortName = (name: string): string =>
  name.length <= NAME_CHARS ? name : `…${name.slice(name.length - (NAME_CHARS - 1))}`;

export const ReserveChart = ({
  sprints,
  unit,
}: {
  readonly sprints: readonly SprintReserveView[];
  readonly unit: ReserveUnit;
}) => {
  const t = useT();
  const lang = useLang();
  const ids = useId();
  const titleId = `${ids}-title`;
  const descId = `${ids}-desc`;
  const amount = (value: number) => amountText(t, lang, value, unit);
  // The tallest bar fills the plot; heights are shares of it (drawing only).
  const tallest = Math.max(...sprints.map((s) => Math.max(s.reserve, s.consumed + s.overflow)), 0);
  const height = (value: number) => (tallest <= 0 ? 0 : (Math.max(0, value) / tallest) * PLOT_HEIGHT);
  const baseline = TOP + PLOT_HEIGHT;
  const width = Math.max(1, sprints.length) * GROUP_WIDTH;
  const inset = (GROUP_WIDTH - 2 * BAR_WIDTH - BAR_GAP) / 2;
  return (
    <figure className="csla-chart" data-testid="reserve-chart">
      <svg
        role="img"
        aria-label={t('chart.title')}
        aria-describedby={descId}
        width={width}
        height={baseline + LABEL_HEIGHT}
        viewBox={`0 0 ${width} ${baseline + LABEL_HEIGHT}`}
      >
        <title id={titleId}>{t('chart.title')}</title>
        <desc id={descId}>{t('chart.desc')}</desc>
        <line x1={0} x2={width} y1={baseline} y2={baseline} style={{ stroke: colour.border }} />
        {sprints.map((sprint, i) => {
          const x = i * GROUP_WIDTH + inset;
          const reserveHeight = height(sprint.reserve);
          const consumedHeight = height(sprint.consumed);
          const overflowHeight = height(sprint.overflow);
          return (
            <g key={sprint.sprintId} data-sprint-id={sprint.sprintId}>
              <rect
                x={x}
                y={baseline - reserveHeight}
                width={BAR_WIDTH}
                height={reserveHeight}
                style={{ fill: colour.neutral }}
                data-part="reserve"
              >
                <title>{`${sprint.name} — ${t('figure', { label: t('chart.reserve'), value: amount(sprint.reserve) })}`}</title>
              </rect>
              <rect
                x={x + BAR_WIDTH + BAR_GAP}
                y={baseline - consumedHeight}
                width={BAR_WIDTH}
                height={consumedHeight}
                style={{ fill: toneBackground('information') }}
                data-part="consumed"
              >
                <title>{`${sprint.name} — ${t('figure', { label: t('chart.consumed'), value: amount(sprint.consumed) })}`}</title>
              </rect>
              <text
                x={x + BAR_WIDTH / 2}
                y={baseline - reserveHeight - 4}
                textAnchor="middle"
                style={{ fill: colour.textSubtle }}
                fontSize={10}
                aria-hidden="true"
              >
                {formatNumber(sprint.reserve, lang)}
              </text>
              <text
                x={x + BAR_WIDTH + BAR_GAP + BAR_WIDTH / 2}
                y={baseline - consumedHeight - overflowHeight - 4}
                textAnchor="middle"
                style={{ fill: colour.textSubtle }}
                fontSize={10}
                aria-hidden="true"
              >
                {formatNumber(sprint.consumed, lang)}
                {sprint.overflow > 0 ? (
                  <tspan style={{ fill: colour.dangerText }}>{` +${formatNumber(sprint.overflow, lang)}`}</tspan>
                ) : null}
              </text>
              {sprint.overflow > 0 ? (
                <rect
                  x={x + BAR_WIDTH + BAR_GAP}
                  y={baseline - consumedHeight - overflowHeight}
                  width={BAR_WIDTH}
                  height={overflowHeight}
                  style={{ fill: toneBackground('danger') }}
                  data-part="overflow"
                >
                  <title>{`${sprint.name} — ${t('figure', { label: t('chart.overflow'), value: amount(sprint.overflow) })}`}</title>
                </rect>
              ) : null}
              <text
                x={i * GROUP_WIDTH + GROUP_WIDTH / 2}
                y={baseline + LABEL_HEIGHT - 5}
                textAnchor="middle"
                style={{ fill: colour.textSubtle }}
                fontSize={11}
              >
                {shortName(sprint.name)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="csla-legend">
        <span>
          <span className="csla-swatch" aria-hidden="true" style={{ backgroundColor: colour.neutral }} />
          {t('chart.reserve')}
        </span>
        <span>
          <Swatch tone="information" />
          {t('chart.consumed')}
        </span>
        <span>
          <Swatch tone="danger" />
          {t('chart.overflow')}
        </span>
      </figcaption>
    </figure>
  );
};
