// The report's warnings (figures still computed): in the viewer's language when the code is known, with the issues
// they name and a link to them in Jira; the server's own sentence is the tooltip.
import type { Notice } from '../../../../src/contract';
import { useT } from '../i18n';
import { noticeText } from '../labels';
import { KeyList } from './KeyList';

export const ReportWarnings = ({ warnings }: { readonly warnings: readonly Notice[] }) => {
  const t = useT();
  if (warnings.length === 0) return null;
  return (
    <section
      className="csla-alert csla-alert--warning csla-notices"
      aria-labelledby="csla-report-warnings"
      data-testid="warnings"
    >
      <h3 id="csla-report-warnings" className="csla-alert__title">
        {t('warnings.title')}
      </h3>
      <ul>
        {warnings.map((notice, i) => (
          <li key={`${notice.code}-${i}`} data-code={notice.code}>
            <span title={notice.message}>{noticeText(t, notice)}</span>
            {notice.keys !== undefined && notice.keys.length > 0 ? (
              <KeyList name={notice.code} keys={notice.keys} />
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
};
