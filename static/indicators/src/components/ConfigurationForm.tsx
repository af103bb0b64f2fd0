// The gadget's configuration screen (edit entry point): a project key and a month (the previous one, or a given
// month that has begun), checked here, then handed to Jira with view.submit, which stores it and shows the view.
import { useId, useRef, useState, type FormEvent } from 'react';
import { nowMs } from '../../../shared/src/clock';
import { formatMonth, monthOf } from '../../../shared/src/format';
import { useLang } from '../../../shared/src/i18n/react';
import { submitConfiguration } from '../api';
import {
  checkConfiguration,
  initialValues,
  type ConfigurationProblems,
  type ConfigurationValues,
  type MonthChoice,
} from '../config-form';
import type { SavedConfiguration } from '../context';
import { useT } from '../i18n';

type SaveState = 'idle' | 'saving' | 'saved' | 'failed';

const PROJECT_PROBLEM = { required: 'edit.projectRequired', invalid: 'edit.projectInvalid' } as const;
const MONTH_PROBLEM = {
  required: 'edit.monthRequired',
  invalid: 'edit.monthInvalid',
  future: 'edit.monthFuture',
} as const;

export const ConfigurationForm = ({ saved }: { readonly saved: SavedConfiguration }) => {
  const t = useT();
  const lang = useLang();
  const ids = useId();
  const [values, setValues] = useState<ConfigurationValues>(() => initialValues(saved));
  const [problems, setProblems] = useState<ConfigurationProblems>({});
  const [checked, setChecked] = useState(false);
  const [save, setSave] = useState<SaveState>('idle');
  const projectRef = useRef<HTMLInputElement>(null);
  const monthRef = useRef<HTMLInputElement>(null);
  // The month the contract's zone is in now: the latest month the server can measure.
  const [currentMonth] = useState(() => monthOf(nowMs()));

  const change = (next: Partial<ConfigurationValues>) => {
    const merged = { ...values, ...next };
    setValues(merged);
    setSave('idle');
    // After a first attempt, problems follow the typing so the user sees them go away.
    if (checked) {
      const check = checkConfiguration(merged, currentMonth);
      setProblems(check.ok ? {} : check.problems);
    }
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setChecked(true);
    const check = checkConfiguration(values, currentMonth);
    if (!check.ok) {
      setProblems(check.problems);
      (check.problems.projectKey !== undefined ? projectRef : monthRef).current?.focus();
      return;
    }
    setProblems({});
    setSave('saving');
    try {
      await submitConfiguration(check.value);
      setSave('saved');
    } catch {
      setSave('failed');
    }
  };

  const projectId = `${ids}-project`;
  const monthId = `${ids}-month`;
  const projectProblem = problems.projectKey === undefined ? null : t(PROJECT_PROBLEM[problems.projectKey]);
  const monthProblem =
    problems.month === undefined
      ? null
      : t(MONTH_PROBLEM[problems.month], { current: formatMonth(currentMonth, lang) });
  const choose = (monthChoice: MonthChoice) => change({ monthChoice });

  return (
    <form
      className="csla-gadget-form"
      data-testid="gadget-edit-form"
      noValidate
      onSubmit={(event) => void onSubmit(event)}
      aria-labelledby={`${ids}-title`}
    >
      <h2 id={`${ids}-title`}>{t('edit.title')}</h2>
      <div className="csla-setting">
        <label htmlFor={projectId}>{t('edit.project')}</label>
        <input
          ref={projectRef}
          id={projectId}
          type="text"
          data-testid="project-input"
          value={values.projectKey}
          placeholder="DEMAT"
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="characters"
          aria-invalid={projectProblem !== null}
          aria-describedby={`${projectId}-help${projectProblem !== null ? ` ${projectId}-problem` : ''}`}
          onChange={(event) => change({ projectKey: event.target.value.toUpperCase() })}
        />
        <p id={`${projectId}-help`} className="csla-help">
          {t('edit.projectHelp')}
        </p>
        {projectProblem !== null ? (
          <p id={`${projectId}-problem`} className="csla-field-problem" data-testid="project-problem">
            {projectProblem}
          </p>
        ) : null}
      </div>
      <fieldset className="csla-setting csla-gadget-form__month">
        <legend>{t('edit.month')}</legend>
        <label className="csla-setting--inline">
          <input
            type="radio"
            name={`${ids}-choice`}
            value="previous"
            data-testid="month-previous"
            checked={values.monthChoice === 'previous'}
            onChange={() => choose('previous')}
          />
          {t('edit.previous')}
        </label>
        <label className="csla-setting--inline">
          <input
            type="radio"
            name={`${ids}-choice`}
            value="specific"
            data-testid="month-specific"
            checked={values.monthChoice === 'specific'}
            onChange={() => choose('specific')}
          />
          {t('edit.specific')}
        </label>
        <label htmlFor={monthId} className="csla-gadget-form__month-label">
          {t('edit.monthInput')}
        </label>
        <input
          ref={monthRef}
          id={monthId}
          type="month"
          data-testid="month-input"
          value={values.month}
          max={currentMonth}
          placeholder="aaaa-mm"
          aria-invalid={monthProblem !== null}
          aria-describedby={monthProblem !== null ? `${monthId}-problem` : undefined}
          // Picking a month means showing that month.
          onChange={(event) => change({ month: event.target.value, monthChoice: 'specific' })}
        />
        {monthProblem !== null ? (
          <p id={`${monthId}-problem`} className="csla-field-problem" data-testid="month-problem">
            {monthProblem}
          </p>
        ) : null}
      </fieldset>
      <div className="csla-savebar">
        <button type="submit" className="csla-primary" data-testid="save-configuration" disabled={save === 'saving'}>
          {save === 'saving' ? t('edit.saving') : t('edit.save')}
        </button>
        <span role="status" className={save === 'failed' ? 'csla-text-danger' : 'csla-muted'} data-testid="save-state">
          {save === 'saved' ? t('edit.saved') : save === 'failed' ? t('edit.failed') : ''}
        </span>
      </div>
    </form>
  );
};
