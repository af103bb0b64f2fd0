// A horizontal bar for a share of a target. The fill is capped at 100 % (an overrun shows as a full red bar); the
// exact figure is in aria-valuetext and in the text beside it.
import { toneBackground, type Tone } from '../colours';

export type ProgressBarProps = {
  /** Elapsed ÷ target, unbounded (1.5 = 150 %). */
  readonly ratio: number;
  readonly tone: Tone;
  readonly label: string;
  readonly valueText: string;
  readonly testId?: string;
};

export const ProgressBar = ({ ratio, tone, label, valueText, testId }: ProgressBarProps) => {
  const percent = Math.max(0, Math.min(100, Math.floor(ratio * 100)));
  return (
    <div
      className="csla-progress"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={valueText}
      data-tone={tone}
      data-testid={testId}
    >
      <div className="csla-progress__fill" style={{ width: `${percent}%`, backgroundColor: toneBackground(tone) }} />
    </div>
  );
};
