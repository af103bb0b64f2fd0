// A Jira field picker: a list of the site's fields when the options loaded, a plain id input otherwise.
import type { ValidatorOptionsView } from '../../../../src/contract';
import { useT } from '../i18n';

export type FieldSelectProps = {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly fields: ValidatorOptionsView['fields'];
  /** The app's own field for this role, marked in the list. */
  readonly appFieldId: string | undefined;
  readonly problem: string | null;
  readonly onChange: (value: string) => void;
};

export const FieldSelect = ({ id, label, value, fields, appFieldId, problem, onChange }: FieldSelectProps) => {
  const t = useT();
  const problemId = `${id}-problem`;
  const invalid = problem === null ? {} : { 'aria-invalid': true as const, 'aria-describedby': problemId };
  const known = fields.some((field) => field.id === value);
  return (
    <div className="csla-setting">
      <label htmlFor={id}>{label}</label>
      {fields.length === 0 ? (
        <input
          id={id}
          type="text"
          value={value}
          placeholder="customfield_10100"
          onChange={(event) => onChange(event.target.value)}
          {...invalid}
        />
      ) : (
        <select id={id} value={value} onChange={(event) => onChange(event.target.value)} {...invalid}>
          <option value="">{t('validator.choose')}</option>
          {known || value === '' ? null : <option value={value}>{value}</option>}
          {fields.map((field) => (
            <option key={field.id} value={field.id}>
              {field.id === appFieldId ? t('validator.appField', { name: field.name }) : field.name} ({field.id})
            </option>
          ))}
        </select>
      )}
      {problem === null ? null : (
        <p id={problemId} className="csla-field-problem">
          {problem}
        </p>
      )}
    </div>
  );
};
