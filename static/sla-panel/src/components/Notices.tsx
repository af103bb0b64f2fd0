// Warnings (figures still computed) and errors (the issue could not be computed), in the viewer's language when the
// code is known, the server's sentence otherwise.
import type { WireError, Notice } from '../../../../src/contract';
import { useT } from '../i18n';
import { labelOf } from '../labels';

export const Notices = ({
  warnings,
  errors,
}: {
  readonly warnings: readonly Notice[];
  readonly errors: readonly WireError[];
}) => {
  const t = useT();
  const warningText = (notice: Notice): string => {
    const text = labelOf(t, 'warning', notice.code);
    return text === notice.code ? notice.message : text;
  };
  return (
    <>
      {errors.length > 0 ? (
        <div className="csla-alert csla-alert--danger csla-notices" role="alert" data-testid="issue-errors">
          <p className="csla-alert__title">{t('errors.title')}</p>
          <ul>
            {errors.map((error, i) => (
              <li key={`${error.code}-${i}`} data-code={error.code}>
                {error.message}
                {error.path ? <small> ({error.path})</small> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {warnings.length > 0 ? (
        <section
          className="csla-alert csla-alert--warning csla-notices"
          aria-labelledby="csla-warnings-title"
          data-testid="warnings"
        >
          <h3 id="csla-warnings-title" className="csla-alert__title">
            {t('warnings.title')}
          </h3>
          <ul>
            {warnings.map((notice, i) => (
              <li key={`${notice.code}-${i}`} data-code={notice.code} title={notice.message}>
                {warningText(notice)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
};
