// One clock (Contournement or Résolution): its target, the server's figures, a bar of elapsed time against the
// target (amber from 75 %, red once breached) and the explanation.
import type { ClockView } from '../../../../src/contract';
import { progressTone } from '../../../shared/src/colours';
import { ProgressBar } from '../../../shared/src/components/ProgressBar';
import { formatBusinessDuration, displayInstant, formatPercent } from '../../../shared/src/format';
import { useLang } from '../../../shared/src/i18n/react';
import { useT } from '../i18n';
import { remainingText, targetText } from '../labels';
import { Explanation } from './Explanation';

export const ClockCard = ({ clock }: { readonly clock: ClockView }) => {
  const t = useT();
  const lang = useLang();
  const name = t(`clock.${clock.id}`);
  const headingId = `csla-clock-${clock.id}`;
  const hasBar = clock.targetMs !== null && clock.targetMs > 0;
  const ratio = hasBar ? clock.elapsedMs / (clock.targetMs as number) : 0;
  const tone = progressTone({ ratio, breached: clock.breached, stopped: clock.state === 'stopped' });
  const elapsed = formatBusinessDuration(clock.elapsedMs, lang);
  return (
    <section className={`csla-clock csla-clock--${tone}`} aria-labelledby={headingId} data-testid={`clock-${clock.id}`}>
      <h3 id={headingId}>{name}</h3>
      <p data-testid="target">
        <span className="csla-muted">{t('clock.target')} : </span>
        {clock.target === null ? t('clock.noTarget') : targetText(t, lang, clock.target, clock.targetMs)}
      </p>
      {hasBar ? (
        <ProgressBar
          ratio={ratio}
          tone={tone}
          label={t('clock.progress', { clock: name })}
          valueText={t('clock.progressText', {
            percent: formatPercent(ratio, lang),
            elapsed,
            target: formatBusinessDuration(clock.targetMs as number, lang),
          })}
          testId="progress"
        />
      ) : null}
      <dl className="csla-clock__figures">
        <dt>{t('clock.state')}</dt>
        <dd data-testid="state" data-state={clock.state}>
          {t(`state.${clock.state}`)}
        </dd>
        <dt>{t('clock.elapsed')}</dt>
        <dd data-testid="elapsed">{elapsed}</dd>
        <dt>{t('clock.paused')}</dt>
        <dd data-testid="paused">{formatBusinessDuration(clock.pausedMs, lang)}</dd>
        <dt>{clock.breached ? t('clock.overrunLabel') : t('clock.remaining')}</dt>
        <dd data-testid="remaining" className="csla-clock__remaining">
          {remainingText(t, lang, clock)}
        </dd>
        <dt>{t('clock.due')}</dt>
        <dd data-testid="due">{clock.dueAt === null ? t('common.none') : displayInstant(clock.dueAt, lang)}</dd>
        <dt>{t('clock.calendar')}</dt>
        <dd data-testid="calendar">{clock.calendar}</dd>
      </dl>
      <p className="csla-muted">
        <small>
          {t('clock.startedAt', { at: displayInstant(clock.startedAt, lang) })}
          {clock.stoppedAt === null ? '' : ` · ${t('clock.stoppedAt', { at: displayInstant(clock.stoppedAt, lang) })}`}
        </small>
      </p>
      <Explanation clock={clock} clockName={name} />
    </section>
  );
};
