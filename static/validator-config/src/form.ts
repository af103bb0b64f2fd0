// The validator form as data: which validator a screen configures, the form's starting values (the saved
// configuration, else the app's own fields), and the request `validators/buildConfig` receives.
import type {
  APP_FIELD_KEYS,
  BuildValidatorConfigRequest,
  ValidatorConfig,
  ValidatorOptionsView,
} from '../../../src/contract';

export type ValidatorKind = ValidatorConfig['kind'];

export const VALIDATOR_KINDS: readonly ValidatorKind[] = [
  'severity-required',
  'affected-version-required',
  'administration-only',
  'administration-condition',
];

/** The manifest's jira:workflowValidator module keys. */
const KIND_OF_MODULE: { readonly [moduleKey: string]: ValidatorKind } = {
  'severity-required-validator': 'severity-required',
  'affected-version-validator': 'affected-version-required',
  'administration-validator': 'administration-only',
  // The jira:workflowCondition module (issue 10, D5): the same screens configure it.
  'administration-condition': 'administration-condition',
};

// The app's field module keys, checked against APP_FIELD_KEYS (src/contract/app-fields.ts; imported as a type only).
const SEVERITY_KEY: (typeof APP_FIELD_KEYS)['severity'] = 'severity';
const ENVIRONMENT_KEY: (typeof APP_FIELD_KEYS)['environment'] = 'detection-environment';

/** The anomaly issue types a new "affected version" validator starts with: the settings' default list (README). */
const DEFAULT_ANOMALY_TYPES = 'Anomalie, Anomaly, Bug';

type Saved = { readonly [key: string]: unknown };

const isKind = (value: unknown): value is ValidatorKind =>
  typeof value === 'string' && (VALIDATOR_KINDS as readonly string[]).includes(value);

/** The configuration saved before (Jira gives it as a JSON string), or null on the create screen. */
export const savedConfigOf = (validatorConfig: unknown): Saved | null => {
  let value: unknown = validatorConfig;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return null;
    }
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Saved) : null;
};

/** Which validator this screen configures: the saved configuration's kind, else the module key's. */
export const kindOf = (moduleKey: string | undefined, saved: Saved | null): ValidatorKind | null => {
  if (saved !== null && isKind(saved.kind)) return saved.kind;
  if (moduleKey === undefined) return null;
  const exact = KIND_OF_MODULE[moduleKey];
  if (exact) return exact;
  // Some hosts prefix the key (app and environment ids): match on the end.
  const suffix = Object.keys(KIND_OF_MODULE).find((key) => moduleKey.endsWith(key));
  return suffix === undefined ? null : (KIND_OF_MODULE[suffix] ?? null);
};

export type FormValues = {
  readonly severityFieldId: string;
  readonly environmentFieldId: string;
  /** As typed: names separated by commas. */
  readonly anomalyIssueTypes: string;
  readonly group: string;
  /** As typed: ids separated by commas. */
  readonly transitionIds: string;
  readonly guardSeverity: boolean;
};

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const list = (value: unknown): string | null =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').join(', ') : null;

export const initialValues = (saved: Saved | null, options: ValidatorOptionsView | null): FormValues => ({
  severityFieldId: text(saved?.severityFieldId) ?? options?.appFields[SEVERITY_KEY] ?? '',
  environmentFieldId: text(saved?.environmentFieldId) ?? options?.appFields[ENVIRONMENT_KEY] ?? '',
  anomalyIssueTypes: list(saved?.anomalyIssueTypes) ?? DEFAULT_ANOMALY_TYPES,
  group: text(saved?.group) ?? options?.groups[0] ?? '',
  transitionIds: list(saved?.transitionIds) ?? '',
  guardSeverity: typeof saved?.guardSeverity === 'boolean' ? saved.guardSeverity : true,
});

export const splitList = (typed: string): string[] =>
  typed
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');

/** What is wrong with the form before asking the server, field by field (message keys). */
export type FormProblems = {
  readonly [field in keyof FormValues]?: {
    readonly key: 'validator.required' | 'validator.transitionIds.invalid';
    readonly value?: string;
  };
};

export const checkForm = (kind: ValidatorKind, values: FormValues): FormProblems => {
  const problems: { -readonly [field in keyof FormValues]?: FormProblems[field] } = {};
  if (kind === 'severity-required' && values.severityFieldId === '')
    problems.severityFieldId = { key: 'validator.required' };
  if (kind === 'affected-version-required') {
    if (values.environmentFieldId === '') problems.environmentFieldId = { key: 'validator.required' };
    if (splitList(values.anomalyIssueTypes).length === 0) problems.anomalyIssueTypes = { key: 'validator.required' };
  }
  if (kind === 'administration-only') {
    if (values.group.trim() === '') problems.group = { key: 'validator.required' };
    const wrong = splitList(values.transitionIds).find((id) => !/^\d+$/.test(id));
    if (wrong !== undefined) problems.transitionIds = { key: 'validator.transitionIds.invalid', value: wrong };
    if (values.guardSeverity && values.severityFieldId === '') problems.severityFieldId = { key: 'validator.required' };
  }
  if (kind === 'administration-condition' && values.group.trim() === '') problems.group = { key: 'validator.required' };
  return problems;
};

/** The request for `validators/buildConfig`: only the fields of this kind. */
export const buildRequest = (kind: ValidatorKind, values: FormValues): BuildValidatorConfigRequest => {
  switch (kind) {
    case 'severity-required':
      return { kind, severityFieldId: values.severityFieldId };
    case 'affected-version-required':
      return {
        kind,
        environmentFieldId: values.environmentFieldId,
        anomalyIssueTypes: splitList(values.anomalyIssueTypes),
      };
    case 'administration-only':
      return {
        kind,
        group: values.group.trim(),
        transitionIds: splitList(values.transitionIds),
        guardSeverity: values.guardSeverity,
        ...(values.guardSeverity ? { severityFieldId: values.severityFieldId } : {}),
      };
    case 'administration-condition':
      return { kind, group: values.group.trim() };
  }
};

/** The form field a server problem path names ("transitionIds.1" → transitionIds), or null. */
/** Field → what is wrong with it, in words. */
export type FieldMessages = { readonly [field in keyof FormValues]?: string };

export const fieldOfProblemPath = (path: string): keyof FormValues | null => {
  const head = path.split(/[.[]/)[0] ?? '';
  const fields: readonly (keyof FormValues)[] = [
    'severityFieldId',
    'environmentFieldId',
    'anomalyIssueTypes',
    'group',
    'transitionIds',
    'guardSeverity',
  ];
  return (fields as readonly string[]).includes(head) ? (head as keyof FormValues) : null;
};
