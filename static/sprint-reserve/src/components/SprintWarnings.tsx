// The sprint's warnings (figures still computed): in the viewer's language when the code is known, with the issue.
import type { Notice } from '../../../../src/contract';
import { useT } from '../i18n';
import { noticeText } from '../labels';

export const SprintWarnings = ({ warnings }: { readonly warnings: readonly Notice[] }) => {
  const t = useT();
  if (warnings.length === 0) return null;
  return (
    <section
      className="csla-alert csla-alert--warning csla-notices"
      aria-labelledby="csla-sprint-warnings"
      data-testid="warnings"
    >
      <h3 id="csla-sprint-warnings" className="csla-alert__title">
        {t('warnings.title')}
      </h3>
      <ul>
        {warnings.map((notice, i) => (
          <li
            key={`${notice.code}-${notice.keys?.join(',') ?? ''}-${i}`}
            data-code={notice.code}
            title={notice.message}
          >
            {noticeText(t, notice)}
          </li>
        ))}
      </ul>
    </section>
  );
};
