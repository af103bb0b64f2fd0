// The mutable part of the local Jira, as plain JSON: issues with their histories, versions, sprints and the workflow
// validators. `toJSON()` writes it, `createLocalJira({ state })` reads it back through `parseLocalJiraState`.
import { z } from 'zod';
import { STATUS_NAMES, ISSUE_TYPE_NAMES, WORKFLOW_NAMES, type IssueTypeName, type StatusName } from './catalog';
import type { AgileSprint, JiraVersion } from './jira-beans';

export const STATE_FORMAT = 'contract-sla/local-jira@1';

/** A changelog item as Jira writes it; `from`/`to` are left out rather than null (the OpenAPI types them string). */
export type ChangeItem = {
  readonly field: string;
  readonly fieldtype: 'jira' | 'custom';
  readonly fieldId: string;
  readonly from?: string;
  readonly fromString?: string;
  readonly to?: string;
  readonly toString?: string;
};

/**
 * A change item; an empty side is left out. (Built with spreads: a literal without `toString` would not type-check,
 * because every object has Object.prototype.toString.)
 */
export function changeItem(
  field: string,
  fieldtype: 'jira' | 'custom',
  fieldId: string,
  from: { readonly id?: string; readonly text: string } | null,
  to: { readonly id?: string; readonly text: string } | null,
): ChangeItem {
  return {
    field,
    fieldtype,
    fieldId,
    ...(from === null ? {} : { ...(from.id === undefined ? {} : { from: from.id }), fromString: from.text }),
    ...(to === null ? {} : { ...(to.id === undefined ? {} : { to: to.id }), toString: to.text }),
  };
}

export type StoredHistory = {
  readonly id: string;
  readonly atMs: number;
  readonly authorId: string;
  readonly items: readonly ChangeItem[];
};

export type StoredIssue = {
  readonly id: string;
  readonly key: string;
  issueType: IssueTypeName;
  summary: string;
  status: StatusName;
  readonly createdMs: number;
  updatedMs: number;
  resolutionMs: number | null;
  readonly reporterId: string;
  assigneeId: string | null;
  versionIds: string[];
  fixVersionIds: string[];
  sprintIds: number[];
  storyPoints: number | null;
  rank: string;
  /** Values of the app's Forge fields by field id (customfield_10100..10106): strings, datetimes as Jira writes them. */
  appValues: Record<string, string | null>;
  /** Issue entity properties by key (`contractSla`…), JSON values as the app set them; absent when none. */
  properties?: Record<string, unknown>;
  histories: StoredHistory[];
};

/** A workflow validator as the workflow stores it (`{ transitionId, ruleKey, configuration }`) with its module. */
export type WorkflowValidator = {
  readonly workflow: string;
  readonly transitionId: string;
  /** The validator's module key in manifest.yml (`administration-validator`). */
  readonly ruleKey: string;
  /** From the manifest: an expression validator is evaluated here, a function validator calls the hook. */
  readonly type: 'expression' | 'function';
  /** The manifest's expression (replaced by `config.expression` when the configuration has one). */
  readonly expression: string | null;
  /** The manifest's default error message. */
  readonly errorMessage: string;
  /** What the configuration screen saved, parsed (`config` in expressions; sent as a JSON string to functions). */
  readonly configuration: unknown;
};

/**
 * A workflow condition as the workflow stores it (issue 10, D5: `jira:workflowCondition`): a Jira expression; the
 * transition is hidden (and refused) unless it evaluates to `true` for the calling user.
 */
export type WorkflowCondition = {
  readonly workflow: string;
  readonly transitionId: string;
  /** The condition's module key in manifest.yml (`administration-condition`). */
  readonly ruleKey: string;
  /** The manifest's expression (replaced by `config.expression` when the configuration has one). */
  readonly expression: string;
  /** What the configuration screen saved, parsed (`config` in the expression). */
  readonly configuration: unknown;
};

/** A UI modification (issue 10, D5: jira:uiModifications) as the app registered it through the REST API. */
export type StoredUiModification = {
  readonly id: string;
  name: string;
  description?: string;
  data?: string;
  contexts: {
    readonly id: string;
    readonly projectId: string | null;
    readonly issueTypeId: string | null;
    readonly viewType: string;
  }[];
};

export type LocalJiraState = {
  readonly format: typeof STATE_FORMAT;
  readonly anchorMs: number;
  nextIssueNumber: number;
  nextHistoryId: number;
  readonly versions: JiraVersion[];
  readonly sprints: AgileSprint[];
  readonly issues: StoredIssue[];
  validators: WorkflowValidator[];
  /** Workflow conditions (issue 10); absent in snapshots written before them. */
  conditions?: WorkflowCondition[];
  /** UI modifications registered by the app (issue 10); absent in snapshots written before them. */
  uiModifications?: StoredUiModification[];
};

const changeItemSchema = z.strictObject({
  field: z.string(),
  fieldtype: z.enum(['jira', 'custom']),
  fieldId: z.string(),
  from: z.string().optional(),
  fromString: z.string().optional(),
  to: z.string().optional(),
  toString: z.string().optional(),
});

const epochMs = z.number().int();

const issueSchema = z.strictObject({
  id: z.string().regex(/^\d+$/),
  key: z.string().regex(/^[A-Z][A-Z0-9]*-\d+$/),
  issueType: z.enum(ISSUE_TYPE_NAMES as [IssueTypeName, ...IssueTypeName[]]),
  summary: z.string(),
  status: z.enum(STATUS_NAMES),
  createdMs: epochMs,
  updatedMs: epochMs,
  resolutionMs: epochMs.nullable(),
  reporterId: z.string(),
  assigneeId: z.string().nullable(),
  versionIds: z.array(z.string()),
  fixVersionIds: z.array(z.string()),
  sprintIds: z.array(z.number().int()),
  storyPoints: z.number().nullable(),
  rank: z.string(),
  appValues: z.record(z.string(), z.string().nullable()),
  properties: z.record(z.string(), z.json()).optional(),
  histories: z.array(
    z.strictObject({ id: z.string(), atMs: epochMs, authorId: z.string(), items: z.array(changeItemSchema) }),
  ),
});

const versionSchema = z.strictObject({
  self: z.string(),
  id: z.string(),
  name: z.string(),
  archived: z.boolean(),
  released: z.boolean(),
  releaseDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  projectId: z.number().int(),
});

const sprintSchema = z.strictObject({
  id: z.number().int(),
  self: z.string(),
  state: z.enum(['closed', 'active', 'future']),
  name: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  completeDate: z.string().optional(),
  originBoardId: z.number().int(),
  goal: z.string(),
});

const validatorSchema = z.strictObject({
  workflow: z.enum(WORKFLOW_NAMES as [string, ...string[]]),
  transitionId: z.string(),
  ruleKey: z.string(),
  type: z.enum(['expression', 'function']),
  expression: z.string().nullable(),
  errorMessage: z.string(),
  configuration: z.json(),
});

const conditionSchema = z.strictObject({
  workflow: z.enum(WORKFLOW_NAMES as [string, ...string[]]),
  transitionId: z.string(),
  ruleKey: z.string(),
  expression: z.string(),
  configuration: z.json(),
});

const stateSchema = z.strictObject({
  format: z.literal(STATE_FORMAT),
  anchorMs: epochMs,
  nextIssueNumber: z.number().int().min(1),
  nextHistoryId: z.number().int().min(1),
  versions: z.array(versionSchema),
  sprints: z.array(sprintSchema),
  issues: z.array(issueSchema),
  validators: z.array(validatorSchema),
  conditions: z.array(conditionSchema).optional(),
  uiModifications: z
    .array(
      z.strictObject({
        id: z.string(),
        name: z.string(),
        description: z.string().optional(),
        data: z.string().optional(),
        contexts: z.array(
          z.strictObject({
            id: z.string(),
            projectId: z.string().nullable(),
            issueTypeId: z.string().nullable(),
            viewType: z.string(),
          }),
        ),
      }),
    )
    .optional(),
});

export type StateParseResult =
  { readonly ok: true; readonly state: LocalJiraState } | { readonly ok: false; readonly message: string };

/** Reads a snapshot written by `toJSON()`; says what is wrong (first problems, with their paths) otherwise. */
export function parseLocalJiraState(value: unknown): StateParseResult {
  const parsed = stateSchema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.length > 0 ? i.path.join('.') : '(root)'}: ${i.message}`);
    return { ok: false, message: problems.join('; ') };
  }
  // The parsed copy is fresh (zod copies objects), so the instance owns it; `strip` of optional keys keeps items JSON-clean.
  const state = parsed.data as LocalJiraState;
  return { ok: true, state };
}

/** A deep copy through JSON: the state holds only JSON values. */
export const cloneState = (state: LocalJiraState): LocalJiraState =>
  JSON.parse(JSON.stringify(state)) as LocalJiraState;
