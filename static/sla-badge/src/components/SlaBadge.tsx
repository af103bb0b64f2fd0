// The badge itself: the urgent clock's state as a lozenge in the panel's colours, the time left or how late, the due
// instant, and while paused what the clock waits on. The whole badge is one button: a click opens the full panel.
import type { SlaBadgeView } from '../../../../src/contract';
import { colour, progressTone, toneBackground, toneForeground, type Tone } from '../../../shared/src/colours';
import { useLang } from '../../../shared/src/i18n/react';
import { dueParts, formatBadgeDuration } from '../badge-format';
import { useT, type BadgeMessageKey } from '../i18n';

type Shown = { readonly tone: Tone; readonly label: BadgeMessageKey };

/**
 * The panel's colours (static/shared/src/colours.ts): red once late, amber from 75 % of the target (WARNING_RATIO),
 * blue while running, grey while paused, green when every clock stopped in time.
 */
export const shownOf = (view: SlaBadgeView): Shown => {
  const clock = view.clock;
  switch (view.state) {
    case 'breached':
      return { tone: 'danger', label: 'badge.state.breached' };
    case 'paused':
      return { tone: 'neutral', label: 'badge.state.paused' };
    case 'running': {
      const ratio =
        clock !== null && clock.targetMs !== null && clock.targetMs > 0 ? clock.elapsedMs / clock.targetMs : 0;
      const tone = progressTone({ ratio, breached: false, stopped: false });
      return { tone, label: tone === 'warning' ? 'badge.state.warning' : 'badge.state.running' };
    }
    case 'met':
      return { tone: 'success', label: 'badge.state.met' };
    case 'stopped':
      return { tone: 'neutral', label: 'badge.state.stopped' };
    default:
      return { tone: 'neutral', label: 'badge.state.none' };
  }
};

export const SlaBadge = ({ view, onOpen }: { readonly view: SlaBadgeView; readonly onOpen: () => void }) => {
  const t = useT();
  const lang = useLang();
  const { tone, label } = shownOf(view);
  const clock = view.clock;
  const due = clock?.dueAt ? dueParts(clock.dueAt) : null;
  const time =
    clock === null || clock.remainingMs === null
      ? null
      : t(clock.remainingMs < 0 ? 'badge.late' : 'badge.left', {
          duration: formatBadgeDuration(clock.remainingMs, clock.dayLengthMs, lang),
        });
  return (
    <button
      type="button"
      className="csla-sla-badge"
      data-testid="sla-badge"
      data-state={view.state}
      data-tone={tone}
      data-source={view.source}
      title={t('badge.open')}
      aria-label={`${t(label)} — ${t('badge.open')}`}
      onClick={onOpen}
      style={{ borderLeftColor: toneBackground(tone) }}
    >
      <span className="csla-sla-badge__line">
        <span
          className="csla-badge"
          data-testid="badge-state"
          style={{ backgroundColor: toneBackground(tone), color: toneForeground(tone) }}
        >
          {t(label)}
        </span>
        {clock !== null ? (
          <span data-testid="badge-clock">{t(`badge.clock.${clock.id}`)}</span>
        ) : (
          <span data-testid="badge-quiet" className="csla-sla-badge__muted">
            {t(`badge.quiet.${view.state === 'met' || view.state === 'stopped' ? view.state : 'none'}`)}
          </span>
        )}
      </span>
      {time !== null && (
        <span
          className="csla-sla-badge__time"
          data-testid="badge-time"
          style={tone === 'danger' ? { color: colour.dangerText } : undefined}
        >
          {time}
        </span>
      )}
      {clock?.state === 'paused' && clock.pausedBy !== null && (
        <span className="csla-sla-badge__muted" data-testid="badge-reason">
          {t('badge.pausedBy', { status: clock.pausedBy })}
        </span>
      )}
      {due !== null && clock?.state === 'running' && (
        <span className="csla-sla-badge__muted" data-testid="badge-due">
          {t('badge.due', due)}
        </span>
      )}
    </button>
  );
};
