// A text or number setting: empty means "the default", shown as the placeholder.
import type { Path } from '../document';
import { getAt, pathText } from '../document';
import { FieldProblems, useInvalidProps } from './FieldProblems';
import { fieldId, useForm } from './FormContext';

export type TextSettingProps = {
  readonly path: Path;
  readonly label: string;
  readonly help?: string;
  readonly type?: 'text' | 'number' | 'date';
  readonly min?: number;
  readonly max?: number;
  readonly list?: string;
};

const display = (value: unknown): string =>
  value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value);

/** What an input's text becomes in the document: a number for number fields when it reads as one. */
const parse = (text: string, type: TextSettingProps['type']): unknown => {
  if (text.trim() === '') return undefined;
  if (type === 'number') {
    const n = Number(text);
    return Number.isFinite(n) ? n : text;
  }
  return text;
};

export const TextSetting = ({ path, label, help, type = 'text', min, max, list }: TextSettingProps) => {
  const { document, defaults, readOnly, write } = useForm();
  const invalidProps = useInvalidProps(path);
  const id = fieldId(path);
  return (
    <div className="csla-setting">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        value={display(getAt(document, path))}
        placeholder={display(getAt(defaults, path))}
        min={min}
        max={max}
        list={list}
        disabled={readOnly}
        data-testid={`field-${pathText(path)}`}
        onChange={(event) => write(path, parse(event.target.value, type))}
        {...invalidProps}
      />
      {help ? <small className="csla-help">{help}</small> : null}
      <FieldProblems path={path} />
    </div>
  );
};
