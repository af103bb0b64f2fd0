// The form of one validator kind. It only renders the values it is given and reports changes.
import type { ValidatorOptionsView } from '../../../../src/contract';
import type { FieldMessages, FormValues, ValidatorKind } from '../form';
import { useT } from '../i18n';
import { FieldSelect } from './FieldSelect';

export type ValidatorFormProps = {
  readonly kind: ValidatorKind;
  readonly values: FormValues;
  readonly options: ValidatorOptionsView;
  /** What is wrong with each field, in words (the form's own checks and the server's). */
  readonly problems: FieldMessages;
  readonly onChange: (values: FormValues) => void;
  /** Jira's "view" screen shows the configuration without changing it. */
  readonly readOnly?: boolean;
};

export const ValidatorForm = ({ kind, values, options, problems, onChange, readOnly = false }: ValidatorFormProps) => {
  const t = useT();
  const set = <F extends keyof FormValues>(field: F, value: FormValues[F]) => onChange({ ...values, [field]: value });
  const problemText = (field: keyof FormValues): string | null => problems[field] ?? null;
  const invalid = (field: keyof FormValues, id: string) =>
    problems[field] === undefined ? {} : { 'aria-invalid': true as const, 'aria-describedby': `${id}-problem` };
  const problemLine = (field: keyof FormValues, id: string) => {
    const text = problemText(field);
    return text === null ? null : (
      <p id={`${id}-problem`} className="csla-field-problem">
        {text}
      </p>
    );
  };
  const severityField = (
    <FieldSelect
      id="csla-severity-field"
      label={t('validator.severityField')}
      value={values.severityFieldId}
      fields={options.fields}
      appFieldId={options.appFields.severity}
      problem={problemText('severityFieldId')}
      onChange={(value) => set('severityFieldId', value)}
    />
  );
  return (
    <form className="csla-validator" data-testid={`form-${kind}`} onSubmit={(event) => event.preventDefault()}>
      <fieldset className="csla-validator__fields" disabled={readOnly}>
        {kind === 'severity-required' ? severityField : null}
        {kind === 'affected-version-required' ? (
          <>
            <FieldSelect
              id="csla-environment-field"
              label={t('validator.environmentField')}
              value={values.environmentFieldId}
              fields={options.fields}
              appFieldId={options.appFields['detection-environment']}
              problem={problemText('environmentFieldId')}
              onChange={(value) => set('environmentFieldId', value)}
            />
            <div className="csla-setting">
              <label htmlFor="csla-anomaly-types">{t('validator.anomalyIssueTypes')}</label>
              <input
                id="csla-anomaly-types"
                type="text"
                value={values.anomalyIssueTypes}
                placeholder="Anomalie, Bug"
                onChange={(event) => set('anomalyIssueTypes', event.target.value)}
                {...invalid('anomalyIssueTypes', 'csla-anomaly-types')}
              />
              <small className="csla-help">{t('validator.anomalyIssueTypes.help')}</small>
              {problemLine('anomalyIssueTypes', 'csla-anomaly-types')}
            </div>
          </>
        ) : null}
        {kind === 'administration-only' || kind === 'administration-condition' ? (
          <>
            <div className="csla-setting">
              <label htmlFor="csla-group">{t('validator.group')}</label>
              {options.groups.length === 0 ? (
                <input
                  id="csla-group"
                  type="text"
                  value={values.group}
                  onChange={(event) => set('group', event.target.value)}
                  {...invalid('group', 'csla-group')}
                />
              ) : (
                <select
                  id="csla-group"
                  value={values.group}
                  onChange={(event) => set('group', event.target.value)}
                  {...invalid('group', 'csla-group')}
                >
                  {options.groups.includes(values.group) ? null : (
                    <option value={values.group}>{values.group || t('validator.choose')}</option>
                  )}
                  {options.groups.map((group) => (
                    <option key={group} value={group}>
                      {group}
                    </option>
                  ))}
                </select>
              )}
              {problemLine('group', 'csla-group')}
              {kind === 'administration-condition' ? (
                <small className="csla-help">{t('validator.condition.help')}</small>
              ) : null}
            </div>
          </>
        ) : null}
        {kind === 'administration-only' ? (
          <>
            <div className="csla-setting">
              <label htmlFor="csla-transitions">{t('validator.transitionIds')}</label>
              <input
                id="csla-transitions"
                type="text"
                inputMode="numeric"
                value={values.transitionIds}
                placeholder="31, 41"
                onChange={(event) => set('transitionIds', event.target.value)}
                {...invalid('transitionIds', 'csla-transitions')}
              />
              <small className="csla-help">{t('validator.transitionIds.help')}</small>
              {problemLine('transitionIds', 'csla-transitions')}
            </div>
            <div className="csla-setting csla-setting--inline">
              <input
                id="csla-guard-severity"
                type="checkbox"
                checked={values.guardSeverity}
                onChange={(event) => set('guardSeverity', event.target.checked)}
              />
              <label htmlFor="csla-guard-severity">{t('validator.guardSeverity')}</label>
              <small className="csla-help">{t('validator.guardSeverity.help')}</small>
            </div>
            {values.guardSeverity ? severityField : null}
          </>
        ) : null}
      </fieldset>
    </form>
  );
};
