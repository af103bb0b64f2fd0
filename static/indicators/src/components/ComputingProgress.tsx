// The background computation of the month: its phase (search, changelogs, compute) and how far it went, as the
// server reports it on each poll. The bar spans the three phases; a phase with no known total counts as begun.
import type { IndicatorsView } from '../../../../src/contract';
import { ProgressBar } from '../../../shared/src/components/ProgressBar';
import { formatNumber } from '../../../shared/src/format';
import { useLang } from '../../../shared/src/i18n/react';
import { hasKey, useT } from '../i18n';

const PHASES = ['search', 'changelogs', 'compute'] as const;

export const ComputingProgress = ({ progress }: { readonly progress: IndicatorsView['progress'] }) => {
  const t = useT();
  const lang = useLang();
  const index = progress === null ? -1 : PHASES.indexOf(progress.phase);
  const phaseKey = progress === null ? null : `progress.phase.${progress.phase}`;
  const phase = phaseKey === null ? '' : hasKey(phaseKey) ? t(phaseKey) : (progress?.phase ?? '');
  const step = t('progress.step', { step: Math.max(0, index) + 1, phase });
  const count =
    progress === null
      ? ''
      : progress.total === null
        ? t('progress.countUnknown', { done: formatNumber(progress.done, lang) })
        : t('progress.count', { done: formatNumber(progress.done, lang), total: formatNumber(progress.total, lang) });
  const share =
    progress === null || progress.total === null || progress.total <= 0
      ? 0
      : Math.min(1, progress.done / progress.total);
  const overall = index < 0 ? 0 : (index + share) / PHASES.length;
  return (
    <section className="csla-computing" data-testid="progress" data-phase={progress?.phase ?? 'none'}>
      <p className="csla-loading" role="status">
        <span className="csla-spinner" aria-hidden="true" />
        <strong>{t('progress.title')}</strong>
      </p>
      {progress !== null ? (
        <>
          <p data-testid="progress-step">
            {step}
            {count !== '' ? ` · ${count}` : ''}
          </p>
          <ProgressBar
            ratio={overall}
            tone="information"
            label={t('progress.label')}
            valueText={count !== '' ? `${step} · ${count}` : step}
            testId="progress-bar"
          />
        </>
      ) : null}
      <p className="csla-help">{t('progress.help')}</p>
    </section>
  );
};
