// The configuration screen's rules, apart from React: the form's values, their checks, and the configuration they
// give. A project key is a Jira key (an upper-case letter, then upper-case letters, digits or "_"); the month is
// 'previous' or a yyyy-MM month that has begun (the server has nothing to measure in a month to come).
import type { GadgetConfiguration } from '../../../src/contract';
import type { SavedConfiguration } from './context';

export type MonthChoice = 'previous' | 'specific';

export type ConfigurationValues = {
  readonly projectKey: string;
  readonly monthChoice: MonthChoice;
  readonly month: string;
};

export type ConfigurationProblems = {
  readonly projectKey?: 'required' | 'invalid';
  readonly month?: 'required' | 'invalid' | 'future';
};

export type ConfigurationCheck =
  | { readonly ok: true; readonly value: GadgetConfiguration; readonly problems?: never }
  | { readonly ok: false; readonly value?: never; readonly problems: ConfigurationProblems };

const PROJECT_KEY = /^[A-Z][A-Z0-9_]+$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * The form's first values: the saved configuration, else the previous month and no project.
 * @example initialValues({ projectKey: 'DEMAT', month: '2026-10' }) // { projectKey: 'DEMAT', monthChoice: 'specific', month: '2026-10' }
 */
export const initialValues = (saved: SavedConfiguration): ConfigurationValues => ({
  projectKey: saved.projectKey ?? '',
  monthChoice: saved.month === undefined || saved.month === 'previous' ? 'previous' : 'specific',
  month: saved.month === undefined || saved.month === 'previous' ? '' : saved.month,
});

/** What the user types, as a key: trimmed and in upper case ("demat" → "DEMAT"). */
export const normaliseProjectKey = (text: string): string => text.trim().toUpperCase();

/**
 * Checks the form against the current month (yyyy-MM, in the contract's zone).
 * @example checkConfiguration({ projectKey: 'demat', monthChoice: 'previous', month: '' }, '2026-11') // { ok: true, value: { projectKey: 'DEMAT', month: 'previous' } }
 * @example checkConfiguration({ projectKey: '', monthChoice: 'specific', month: '2027-01' }, '2026-11') // { ok: false, problems: { projectKey: 'required', month: 'future' } }
 */
export const checkConfiguration = (values: ConfigurationValues, currentMonth: string): ConfigurationCheck => {
  const projectKey = normaliseProjectKey(values.projectKey);
  const month = values.month.trim();
  const problems: { projectKey?: ConfigurationProblems['projectKey']; month?: ConfigurationProblems['month'] } = {};
  if (projectKey === '') problems.projectKey = 'required';
  else if (!PROJECT_KEY.test(projectKey)) problems.projectKey = 'invalid';
  if (values.monthChoice === 'specific') {
    if (month === '') problems.month = 'required';
    else if (!MONTH.test(month)) problems.month = 'invalid';
    // yyyy-MM strings compare as the months they name.
    else if (month > currentMonth) problems.month = 'future';
  }
  if (problems.projectKey !== undefined || problems.month !== undefined) return { ok: false, problems };
  return { ok: true, value: { projectKey, month: values.monthChoice === 'previous' ? 'previous' : month } };
};
