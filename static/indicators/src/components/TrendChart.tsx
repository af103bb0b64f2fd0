// The six-month compliance trend: an inline SVG line chart of IND_INC01/02/03 and the anomaly resolution rates, with
// the contract's thresholds as dashed lines. A month without data breaks the line (never drawn as 0). Series differ by
// colour and by marker shape. One image for assistive technologies (title, description, aria-label); the table
// after it ("Chiffres du graphique") has the same figures.
import { useId } from 'react';
import type { MonthlyFigureView, TrendPointView } from '../../../../src/contract';
import { colour, seriesColour } from '../../../shared/src/colours';
import { formatMonth, formatNumber, formatShare } from '../../../shared/src/format';
import { useLang } from '../../../shared/src/i18n/react';
import { hasKey, useT } from '../i18n';
import { axisFloor, runsOf, trendSeries, type TrendPoint } from '../trend';

const WIDTH = 560;
const HEIGHT = 220;
const LEFT = 44;
const RIGHT = 12;
const TOP = 10;
const BOTTOM = 26;
/** Room between the plot's edges and the first and last months. */
const INSET = 18;
const MARKER = 4;

type Shape = 'circle' | 'square' | 'diamond' | 'triangle';
const SHAPES: readonly Shape[] = ['circle', 'square', 'diamond', 'triangle'];
const shapeOf = (index: number): Shape => SHAPES[index % SHAPES.length] as Shape;

/** A marker's outline centred on (x, y). */
const markerPath = (shape: Shape, x: number, y: number, r: number = MARKER): string => {
  switch (shape) {
    case 'square':
      return `M${x - r} ${y - r}h${2 * r}v${2 * r}h${-2 * r}Z`;
    case 'diamond':
      return `M${x} ${y - r - 1}L${x + r + 1} ${y}L${x} ${y + r + 1}L${x - r - 1} ${y}Z`;
    case 'triangle':
      return `M${x} ${y - r - 1}L${x + r + 1} ${y + r}L${x - r - 1} ${y + r}Z`;
    default:
      return `M${x - r} ${y}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0Z`;
  }
};

const round = (n: number): number => Math.round(n * 10) / 10;

/** Gridline percentages from 100 down to the floor (a multiple of the step: axisFloor): every 10 % over half the axis or less, else every 25 %. */
const ticksFrom = (floor: number): readonly number[] => {
  const bottom = Math.round(floor * 100);
  const step = 100 - bottom <= 50 ? 10 : 25;
  const ticks: number[] = [];
  for (let p = 100; p >= bottom; p -= step) ticks.push(p);
  return ticks;
};

export const TrendChart = ({
  trend,
  figures,
}: {
  readonly trend: readonly TrendPointView[];
  readonly figures: readonly MonthlyFigureView[];
}) => {
  const t = useT();
  const lang = useLang();
  const ids = useId();
  const series = trendSeries(trend, figures);
  const label = (code: string): string => {
    const key = `trend.series.${code}`;
    return hasKey(key) ? t(key) : code;
  };
  const heading = (
    <h3 id={`${ids}-heading`} className="csla-trend__title">
      {t('trend.title')}
    </h3>
  );
  if (trend.length === 0 || series.length === 0)
    return (
      <section className="csla-trend" aria-labelledby={`${ids}-heading`}>
        {heading}
        <p className="csla-muted" data-testid="trend-empty">
          {t('trend.empty')}
        </p>
      </section>
    );

  const rates = series.flatMap((s) => s.points.flatMap((p) => (p.rate === null ? [] : [p.rate])));
  const thresholds = series.flatMap((s) => (s.threshold === null ? [] : [s.threshold]));
  const floor = axisFloor(rates, thresholds);
  const plotWidth = WIDTH - LEFT - RIGHT;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const x = (i: number): number =>
    round(
      trend.length === 1 ? LEFT + plotWidth / 2 : LEFT + INSET + (i * (plotWidth - 2 * INSET)) / (trend.length - 1),
    );
  const y = (rate: number): number =>
    round(TOP + (1 - (Math.min(1, Math.max(floor, rate)) - floor) / (1 - floor)) * plotHeight);
  const pointText = (point: TrendPoint): string =>
    point.rate === null
      ? t('trend.noData')
      : t('trend.pointDetail', {
          value: formatShare(point.rate, lang),
          numerator: formatNumber(point.numerator, lang),
          denominator: formatNumber(point.denominator, lang),
        });
  const titleId = `${ids}-title`;
  const descId = `${ids}-desc`;

  return (
    <section className="csla-trend" aria-labelledby={`${ids}-heading`}>
      {heading}
      <figure className="csla-chart" data-testid="trend-chart">
        <svg
          role="img"
          aria-label={t('trend.title')}
          aria-describedby={descId}
          width={WIDTH}
          height={HEIGHT}
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        >
          <title id={titleId}>{t('trend.title')}</title>
          <desc id={descId}>{t('trend.desc')}</desc>
          <g data-part="axis">
            {ticksFrom(floor).map((p) => (
              <g key={p}>
                <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(p / 100)} y2={y(p / 100)} style={{ stroke: colour.border }} />
                <text
                  x={LEFT - 6}
                  y={y(p / 100) + 4}
                  textAnchor="end"
                  fontSize={10}
                  style={{ fill: colour.textSubtle }}
                >
                  {formatShare(p / 100, lang)}
                </text>
              </g>
            ))}
            {trend.map((point, i) => (
              <text
                key={point.month}
                x={x(i)}
                y={HEIGHT - 8}
                textAnchor="middle"
                fontSize={11}
                style={{ fill: colour.textSubtle }}
              >
                {formatMonth(point.month, lang, 'short')}
              </text>
            ))}
          </g>
          {series.map((s, index) => {
            const stroke = seriesColour(index);
            const shape = shapeOf(index);
            return (
              <g key={s.code} data-series={s.code}>
                {s.threshold !== null ? (
                  <line
                    x1={LEFT}
                    x2={WIDTH - RIGHT}
                    y1={y(s.threshold)}
                    y2={y(s.threshold)}
                    data-part="threshold"
                    style={{ stroke, strokeDasharray: '6 4', strokeWidth: 1.5, opacity: 0.85 }}
                  >
                    <title>
                      {t('trend.threshold', { series: label(s.code), value: formatShare(s.threshold, lang) })}
                    </title>
                  </line>
                ) : null}
                {runsOf(s.points).map((run) =>
                  run.length < 2 ? null : (
                    <path
                      key={`run-${run[0]}`}
                      data-part="line"
                      d={run.map((i, n) => `${n === 0 ? 'M' : 'L'}${x(i)} ${y(s.points[i]?.rate ?? 0)}`).join(' ')}
                      style={{ fill: 'none', stroke, strokeWidth: 2, strokeLinejoin: 'round' }}
                    />
                  ),
                )}
                {s.points.map((point, i) =>
                  point.rate === null ? null : (
                    <path
                      key={point.month}
                      data-part="point"
                      data-month={point.month}
                      d={markerPath(shape, x(i), y(point.rate))}
                      style={{ fill: stroke, stroke: 'var(--ds-surface, #FFFFFF)', strokeWidth: 1 }}
                    >
                      <title>
                        {t('trend.point', {
                          series: label(s.code),
                          month: formatMonth(point.month, lang),
                          value: pointText(point),
                        })}
                      </title>
                    </path>
                  ),
                )}
              </g>
            );
          })}
        </svg>
        <figcaption className="csla-legend">
          {series.map((s, index) => (
            <span key={s.code} data-series={s.code}>
              <svg width={22} height={10} viewBox="0 0 22 10" aria-hidden="true" className="csla-legend__mark">
                <line x1={0} x2={22} y1={5} y2={5} style={{ stroke: seriesColour(index), strokeWidth: 2 }} />
                <path d={markerPath(shapeOf(index), 11, 5, 3)} style={{ fill: seriesColour(index) }} />
              </svg>
              {label(s.code)}
            </span>
          ))}
        </figcaption>
      </figure>
      <details className="csla-trend__data">
        <summary>{t('trend.table')}</summary>
        <div className="csla-scroll">
          <table data-testid="trend-table">
            <caption className="csla-visually-hidden">{t('trend.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('trend.month')}</th>
                {series.map((s) => (
                  <th key={s.code} scope="col" className="csla-num">
                    {label(s.code)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {trend.map((point, i) => (
                <tr key={point.month}>
                  <th scope="row">{formatMonth(point.month, lang)}</th>
                  {series.map((s) => {
                    const p = s.points[i];
                    return (
                      <td
                        key={s.code}
                        className={`csla-num${p === undefined || p.rate === null ? ' csla-subtlest' : ''}`}
                        data-series={s.code}
                      >
                        {p === undefined ? t('trend.noData') : pointText(p)}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('col.threshold')}</th>
                {series.map((s) => (
                  <td key={s.code} className="csla-num">
                    {s.threshold === null
                      ? t('value.none')
                      : t('threshold.atLeast', { value: formatShare(s.threshold, lang) })}
                  </td>
                ))}
              </tr>
            </tfoot>
          </table>
        </div>
      </details>
    </section>
  );
};
