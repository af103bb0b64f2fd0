// Atlassian design tokens as CSS custom properties with the light theme's values as fallbacks, so the UI looks
// right inside Jira (tokens defined) and in the workbench or a test page (tokens absent).

export const colour = {
  text: 'var(--ds-text, #172B4D)',
  textSubtle: 'var(--ds-text-subtle, #44546F)',
  textSubtlest: 'var(--ds-text-subtlest, #626F86)',
  dangerText: 'var(--ds-text-danger, #AE2E24)',
  border: 'var(--ds-border, #091E4224)',
  track: 'var(--ds-background-neutral, #091E420F)',
  success: 'var(--ds-background-success-bold, #1F845A)',
  warning: 'var(--ds-background-warning-bold, #E2B203)',
  danger: 'var(--ds-background-danger-bold, #C9372C)',
  information: 'var(--ds-background-information-bold, #0C66E4)',
  neutral: 'var(--ds-background-neutral-bold, #44546F)',
} as const;

/** How alarming a figure is: drives the colour of progress bars and badges. */
export type Tone = 'success' | 'information' | 'warning' | 'danger' | 'neutral';

/** The share of a target after which a clock's bar turns amber. */
export const WARNING_RATIO = 0.75;

/**
 * The tone of a clock's progress bar: red once the server says the clock is breached, amber from 75 % of the
 * target, otherwise blue while counting and green once stopped in time.
 * @example progressTone({ ratio: 0.8, breached: false, stopped: false }) // 'warning'
 */
export const progressTone = ({
  ratio,
  breached,
  stopped,
}: {
  readonly ratio: number;
  readonly breached: boolean;
  readonly stopped: boolean;
}): Tone => {
  if (breached) return 'danger';
  if (stopped) return 'success';
  return ratio >= WARNING_RATIO ? 'warning' : 'information';
};

/** The bold background of a tone (bars, solid badges). */
export const toneBackground = (tone: Tone): string =>
  ({
    success: colour.success,
    information: colour.information,
    warning: colour.warning,
    danger: colour.danger,
    neutral: colour.neutral,
  })[tone];

/** The text colour that reads on a tone's bold background (amber needs dark text). */
export const toneForeground = (tone: Tone): string =>
  tone === 'warning' ? 'var(--ds-text-warning-inverse, #172B4D)' : 'var(--ds-text-inverse, #FFFFFF)';

/**
 * Colours of a chart's series, in order (accent tokens, distinct in light and dark themes); a chart with more series
 * than colours starts again, so it also varies something else (marker shapes).
 */
export const seriesColours: readonly string[] = [
  'var(--ds-background-accent-blue-bolder, #0C66E4)',
  'var(--ds-background-accent-purple-bolder, #6E5DC6)',
  'var(--ds-background-accent-teal-bolder, #227D9B)',
  'var(--ds-background-accent-orange-bolder, #C25100)',
  'var(--ds-background-accent-magenta-bolder, #AE4787)',
  'var(--ds-background-accent-lime-bolder, #5B7F24)',
];

/** The colour of the `index`-th series of a chart. */
export const seriesColour = (index: number): string =>
  seriesColours[((index % seriesColours.length) + seriesColours.length) % seriesColours.length] as string;
