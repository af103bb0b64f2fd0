// A horizontal bar made of parts laid end to end (a reserve: consumed, left, overflow), on a scale of at least the
// sum of its parts. Presentation only: the parts are the server's figures; widths are their shares of the scale.
// The bar is one image for assistive technologies: `label` says every figure; the parts themselves are hidden.
import { toneBackground, type Tone } from '../colours';

export type BarPart = {
  /** Names the part for tests and styles (`data-part`). */
  readonly key: string;
  readonly value: number;
  readonly tone: Tone;
};

export type StackedBarProps = {
  readonly parts: readonly BarPart[];
  /** The length of the whole bar; the sum of the parts when larger. */
  readonly scale?: number;
  /** A mark across the bar at this value (a cap), when given. */
  readonly marker?: number | null;
  readonly label: string;
  readonly testId?: string;
};

const percentOf = (value: number, scale: number): number =>
  scale <= 0 ? 0 : Math.max(0, Math.min(100, (value / scale) * 100));

export const StackedBar = ({ parts, scale = 0, marker = null, label, testId }: StackedBarProps) => {
  const total = Math.max(
    scale,
    parts.reduce((sum, part) => sum + Math.max(0, part.value), 0),
  );
  return (
    <div className="csla-stacked" role="img" aria-label={label} data-testid={testId}>
      {parts
        .filter((part) => part.value > 0)
        .map((part) => (
          <div
            key={part.key}
            className="csla-stacked__part"
            data-part={part.key}
            data-tone={part.tone}
            style={{ width: `${percentOf(part.value, total)}%`, backgroundColor: toneBackground(part.tone) }}
          />
        ))}
      {marker !== null && total > 0 ? (
        <div
          className="csla-stacked__marker"
          data-part="marker"
          style={{ left: `calc(${percentOf(marker, total)}% - 1px)` }}
        />
      ) : null}
    </div>
  );
};

/** A small square of a tone's colour, beside a figure's name, so the figure and its part of a bar go together. */
export const Swatch = ({ tone }: { readonly tone: Tone }) => (
  <span className="csla-swatch" aria-hidden="true" style={{ backgroundColor: toneBackground(tone) }} />
);
