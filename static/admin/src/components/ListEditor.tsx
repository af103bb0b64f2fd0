// An editable list of names or dates. While the document has no list here, the default list shows greyed out; the
// first change copies it into the document (a list replaces the default list as a whole).
import { useState } from 'react';
import type { Path } from '../document';
import { getAt, pathText } from '../document';
import { useT } from '../i18n';
import { FieldProblems, useInvalidProps } from './FieldProblems';
import { fieldId, useForm } from './FormContext';

export type ListEditorProps = {
  readonly path: Path;
  readonly label: string;
  readonly value: readonly string[] | undefined;
  readonly defaultValue: readonly string[];
  readonly onChange: (next: readonly string[] | undefined) => void;
  readonly inputType?: 'text' | 'date';
  /** Whether "back to the default list" makes sense (not for a list inside a copied calendar). */
  readonly resettable?: boolean;
  readonly format?: (item: string) => string;
};

export const ListEditor = ({
  path,
  label,
  value,
  defaultValue,
  onChange,
  inputType = 'text',
  resettable = true,
  format,
}: ListEditorProps) => {
  const t = useT();
  const { readOnly } = useForm();
  const invalidProps = useInvalidProps(path);
  const [draft, setDraft] = useState('');
  const items = value ?? defaultValue;
  const isDefault = value === undefined;
  const id = fieldId(path);
  const add = () => {
    const item = draft.trim();
    if (item === '') return;
    onChange([...items, item]);
    setDraft('');
  };
  return (
    <fieldset className="csla-list" data-testid={`field-${pathText(path)}`}>
      <legend>
        {label}
        {isDefault && resettable ? <small className="csla-muted"> ({t('admin.default')})</small> : null}
      </legend>
      {items.length === 0 ? (
        <p className="csla-muted">{t('admin.emptyList')}</p>
      ) : (
        <ul className={isDefault && resettable ? 'csla-list__items csla-list__items--default' : 'csla-list__items'}>
          {items.map((item, index) => (
            <li key={`${item}-${index}`}>
              <span>{format ? format(item) : item}</span>
              {readOnly ? null : (
                <button
                  type="button"
                  className="csla-link"
                  aria-label={t('admin.remove', { item })}
                  onClick={() => onChange(items.filter((_, i) => i !== index))}
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {readOnly ? null : (
        <div className="csla-list__add">
          <input
            id={id}
            type={inputType}
            value={draft}
            aria-label={t('admin.addTo', { label })}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                add();
              }
            }}
            {...invalidProps}
          />
          <button type="button" onClick={add} disabled={draft.trim() === ''}>
            {t('admin.add')}
          </button>
          {!isDefault && resettable ? (
            <button type="button" className="csla-link" onClick={() => onChange(undefined)}>
              {t('admin.resetList')}
            </button>
          ) : null}
        </div>
      )}
      <FieldProblems path={path} />
    </fieldset>
  );
};

const asList = (value: unknown): readonly string[] | undefined =>
  Array.isArray(value) ? value.map((item) => (typeof item === 'string' ? item : JSON.stringify(item))) : undefined;

/** A list setting stored at `path`, whose default is at the same path in the defaults (or `defaultValue`). */
export const ListSetting = ({
  path,
  label,
  defaultValue,
}: {
  readonly path: Path;
  readonly label: string;
  readonly defaultValue?: readonly string[];
}) => {
  const { document, defaults, write } = useForm();
  return (
    <ListEditor
      path={path}
      label={label}
      value={asList(getAt(document, path))}
      defaultValue={defaultValue ?? asList(getAt(defaults, path)) ?? []}
      onChange={(next) => write(path, next === undefined ? undefined : [...next])}
    />
  );
};

export { asList };
