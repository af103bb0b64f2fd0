// The contract's deadline tables (D3): kinds × severities × workaround/resolution. A cell holds a duration ("4h",
// "1d"), "next-sprint", or nothing: untouched shows the default greyed out; emptied means "not applicable" (null);
// "↺" brings the default back.
import type { Path } from '../document';
import { getAt, pathText } from '../document';
import { useT } from '../i18n';
import { TARGET_ROWS, type TargetRow } from '../layout';
import { FieldProblems, useInvalidProps } from './FieldProblems';
import { fieldId, useForm } from './FormContext';

const TargetCell = ({ path, label }: { readonly path: Path; readonly label: string }) => {
  const t = useT();
  const { document, defaults, readOnly, write } = useForm();
  const invalidProps = useInvalidProps(path);
  const stored = getAt(document, path);
  const fallback = getAt(defaults, path);
  const notApplicable = t('admin.targets.notApplicable');
  const placeholder = stored === null ? notApplicable : typeof fallback === 'string' ? fallback : notApplicable;
  return (
    <td>
      <div className="csla-target">
        <input
          id={fieldId(path)}
          type="text"
          size={9}
          list="csla-target-values"
          aria-label={label}
          value={typeof stored === 'string' ? stored : ''}
          placeholder={placeholder}
          disabled={readOnly}
          data-testid={`field-${pathText(path)}`}
          data-state={stored === undefined ? 'default' : stored === null ? 'not-applicable' : 'set'}
          onChange={(event) => write(path, event.target.value.trim() === '' ? null : event.target.value)}
          {...invalidProps}
        />
        {stored !== undefined && !readOnly ? (
          <button
            type="button"
            className="csla-link"
            aria-label={`${t('admin.resetDefault')} — ${label}`}
            title={t('admin.resetDefault')}
            onClick={() => write(path, undefined)}
          >
            ↺
          </button>
        ) : null}
      </div>
      <FieldProblems path={path} />
    </td>
  );
};

const rowLabel = (t: ReturnType<typeof useT>, row: TargetRow): string =>
  row.level === null ? t(`severity.${row.severity}`) : `${t(`level.${row.level}`)} — ${t(`severity.${row.severity}`)}`;

export const TargetsTable = () => {
  const t = useT();
  return (
    <>
      <datalist id="csla-target-values">
        {['2h', '4h', '8h', '1d', '2d', '3d', '5d', '10d', 'next-sprint'].map((v) => (
          <option key={v} value={v} />
        ))}
      </datalist>
      <table className="csla-targets" data-testid="targets">
        <caption className="csla-visually-hidden">{t('admin.section.targets')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.targets.kind')}</th>
            <th scope="col">{t('admin.targets.row')}</th>
            <th scope="col">{t('admin.targets.workaround')}</th>
            <th scope="col">{t('admin.targets.resolution')}</th>
          </tr>
        </thead>
        <tbody>
          {TARGET_ROWS.map((row) => {
            const kind = t(`kind.${row.kind}`);
            const label = rowLabel(t, row);
            return (
              <tr key={row.resolution.join('.')}>
                <th scope="row">{kind}</th>
                <td>{label}</td>
                {row.workaround === null ? (
                  <td className="csla-muted">{t('common.none')}</td>
                ) : (
                  <TargetCell
                    path={row.workaround}
                    label={t('admin.targets.cell', { kind, row: label, clock: t('admin.targets.workaround') })}
                  />
                )}
                <TargetCell
                  path={row.resolution}
                  label={t('admin.targets.cell', { kind, row: label, clock: t('admin.targets.resolution') })}
                />
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
};
