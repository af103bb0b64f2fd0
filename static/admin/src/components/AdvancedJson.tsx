// The whole settings document as JSON, editable: valid JSON replaces the document (and is checked like any
// change); invalid JSON is reported here and blocks saving until fixed.
import { useEffect, useRef, useState } from 'react';
import { isObject } from '../document';
import { useT } from '../i18n';
import { useForm } from './FormContext';

const stringify = (value: unknown): string => JSON.stringify(value, null, 2);

export const AdvancedJson = () => {
  const t = useT();
  const { document, readOnly, replace, setJsonError } = useForm();
  const serialised = stringify(document);
  const [text, setText] = useState(serialised);
  const [error, setError] = useState<string | null>(null);
  // The document as this editor last wrote it: a change from elsewhere (a form field) rewrites the text, the
  // editor's own change does not (the cursor and the person's layout stay).
  const lastWritten = useRef(serialised);
  useEffect(() => {
    if (serialised !== lastWritten.current) {
      lastWritten.current = serialised;
      setText(serialised);
      setError(null);
      setJsonError(null);
    }
  }, [serialised, setJsonError]);
  const onChange = (next: string) => {
    setText(next);
    let message: string | null = null;
    try {
      const parsed: unknown = JSON.parse(next);
      if (isObject(parsed)) {
        lastWritten.current = stringify(parsed);
        replace(parsed);
      } else message = t('admin.advanced.notObject');
    } catch (e) {
      message = t('admin.advanced.invalid', { message: e instanceof Error ? e.message : String(e) });
    }
    setError(message);
    setJsonError(message);
  };
  return (
    <div className="csla-setting">
      <label htmlFor="csla-advanced-json">{t('admin.advanced.label')}</label>
      <small className="csla-help">{t('admin.advanced.help')}</small>
      <textarea
        id="csla-advanced-json"
        rows={16}
        spellCheck={false}
        value={text}
        readOnly={readOnly}
        data-testid="advanced-json"
        aria-invalid={error !== null}
        aria-describedby={error !== null ? 'csla-advanced-json-error' : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {error !== null ? (
        <p id="csla-advanced-json-error" className="csla-field-problem" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
};
