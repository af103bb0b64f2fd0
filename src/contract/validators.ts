// Wire types of the workflow validators (resolvers `validators/*`): what the configuration screens are offered, what
// they send, and the configuration they save (JSON, at most 32 KB) that the validators read.

export type ValidatorOptionsView = {
  readonly groups: readonly string[];
  readonly fields: readonly { readonly id: string; readonly name: string }[];
  /** The app's own fields, found at run time (module key → field id). */
  readonly appFields: { readonly [moduleKey: string]: string };
};

export type BuildValidatorConfigRequest =
  | { readonly kind: 'severity-required'; readonly severityFieldId: string }
  | {
      readonly kind: 'affected-version-required';
      readonly environmentFieldId: string;
      readonly anomalyIssueTypes: readonly string[];
    }
  | {
      readonly kind: 'administration-only';
      readonly group: string;
      readonly transitionIds?: readonly string[];
      readonly guardSeverity?: boolean;
      readonly severityFieldId?: string | null;
    }
  | { readonly kind: 'administration-condition'; readonly group: string };

export type SeverityRequiredConfig = {
  readonly kind: 'severity-required';
  readonly severityFieldId: string;
  readonly expression: string;
};
export type AffectedVersionConfig = {
  readonly kind: 'affected-version-required';
  readonly environmentFieldId: string;
  readonly anomalyIssueTypes: readonly string[];
  readonly expression: string;
};
export type AdministrationOnlyConfig = {
  readonly kind: 'administration-only';
  readonly group: string;
  /** Transition ids this validator guards; empty = every transition it is attached to. */
  readonly transitionIds: readonly string[];
  /** Also refuse a change of an already set severity by someone outside the group (D5). */
  readonly guardSeverity: boolean;
  readonly severityFieldId: string | null;
};
/**
 * The workflow condition `administration-condition` (issue 10, D5): hides a transition from users outside the group.
 * `expression` (built with the group's name) replaces the manifest's default one.
 */
export type AdministrationConditionConfig = {
  readonly kind: 'administration-condition';
  readonly group: string;
  readonly expression: string;
};
export type ValidatorConfig =
  SeverityRequiredConfig | AffectedVersionConfig | AdministrationOnlyConfig | AdministrationConditionConfig;
