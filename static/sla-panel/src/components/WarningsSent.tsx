// The warnings before a breach stored for the issue (issue 10): when, which threshold and clock, to whom, and what
// became of each (sent, refused by Jira…). Shown only when there is at least one.
import type { SlaWarningRecord } from '../../../../src/contract';
import { displayInstant } from '../../../shared/src/format';
import { useLang } from '../../../shared/src/i18n/react';
import { useT } from '../i18n';

export const WarningsSent = ({ warnings }: { readonly warnings: readonly SlaWarningRecord[] }) => {
  const t = useT();
  const lang = useLang();
  if (warnings.length === 0) return null;
  const recipients = (w: SlaWarningRecord): string =>
    [
      ...(w.to.assignee ? [t('warnings.to.assignee')] : []),
      ...(w.to.watchers ? [t('warnings.to.watchers')] : []),
      ...(w.to.group === null ? [] : [w.to.group]),
    ].join(', ');
  return (
    <section className="csla-warnings" data-testid="warnings-sent">
      <h3>{t('warnings.title')}</h3>
      <ul>
        {warnings.map((w) => (
          <li key={`${w.clock}-${w.cycle}-${w.threshold}`} data-status={w.status} data-testid="warning-sent">
            {displayInstant(w.at, lang)} ·{' '}
            {t(w.clock === 'workaround' ? 'warnings.clock.workaround' : 'warnings.clock.resolution')} ·{' '}
            {w.threshold >= 100 ? t('warnings.breach') : t('warnings.threshold', { threshold: w.threshold })} ·{' '}
            {recipients(w)} · {t(`warnings.status.${w.status}`)}
          </li>
        ))}
      </ul>
    </section>
  );
};
