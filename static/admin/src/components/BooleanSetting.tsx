// A yes/no setting: unchecked-or-checked shows the stored value, else the default; "Rétablir" removes the key.
import type { Path } from '../document';
import { getAt, pathText } from '../document';
import { useT } from '../i18n';
import { FieldProblems, useInvalidProps } from './FieldProblems';
import { fieldId, useForm } from './FormContext';

export const BooleanSetting = ({
  path,
  label,
  resettable = true,
}: {
  readonly path: Path;
  readonly label: string;
  readonly resettable?: boolean;
}) => {
  const t = useT();
  const { document, defaults, readOnly, write } = useForm();
  const invalidProps = useInvalidProps(path);
  const stored = getAt(document, path);
  const checked = (stored ?? getAt(defaults, path)) === true;
  const id = fieldId(path);
  return (
    <div className="csla-setting csla-setting--inline">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={readOnly}
        data-testid={`field-${pathText(path)}`}
        onChange={(event) => write(path, event.target.checked)}
        {...invalidProps}
      />
      <label htmlFor={id}>
        {label}
        {stored === undefined && resettable ? <small className="csla-muted"> ({t('admin.default')})</small> : null}
      </label>
      {stored !== undefined && resettable && !readOnly ? (
        <button type="button" className="csla-link" onClick={() => write(path, undefined)}>
          {t('admin.resetDefault')}
        </button>
      ) : null}
      <FieldProblems path={path} />
    </div>
  );
};
