// The resolvers: parse → use case → reply (B6). Identity and location come only from the Forge context; payloads
// are parsed, never cast; permissions are checked as the user before the app acts as itself.
import { CONTRACT_ZONE } from '../domain/contract-zone';
import { z } from 'zod';
import type { Api, ApiKey, Reply } from '../contract';
import { getSprintBoard, setSprintReserve } from '../app/sprint-board';
import { exportIndicators, getIndicators } from '../app/monthly-snapshot';
import { AppError } from '../app/app-error';
import { getIssueSla } from '../app/get-issue-sla';
import { getSlaBadge } from '../app/get-sla-badge';
import { fieldCatalogue, userHasPermission } from '../app/jira-catalogues';
import type { Deps } from '../app/ports';
import { scheduleFullRecompute } from '../app/schedule-recompute';
import { nextClosedDays, settingsDocument } from '../app/settings/default-document';
import { parseSettings } from '../app/settings/parse-settings';
import { effectiveSettings, problemsOf, saveSettings } from '../app/settings/settings-repository';
import { buildValidatorConfig } from '../app/validators/build-validator-config';
import { severityAccess } from '../app/ui-modifications';
import { formatInstant } from '../app/format-instant';
import { reply } from './reply';

const contextSchema = z.looseObject({
  accountId: z.string().min(1).optional(),
  extension: z
    .looseObject({
      issue: z.looseObject({ key: z.string(), id: z.union([z.string(), z.number()]).optional() }).optional(),
      project: z.looseObject({ key: z.string() }).optional(),
      sprint: z.looseObject({ id: z.union([z.number(), z.string()]) }).optional(),
      board: z.looseObject({ id: z.union([z.number(), z.string()]) }).optional(),
      gadgetConfiguration: z.unknown().optional(),
    })
    .optional(),
});

/** The gadget's configuration (project, month), from the Forge context only. */
const gadgetConfigurationOf = (context: unknown): unknown => {
  const parsed = contextSchema.safeParse(context);
  return parsed.success ? parsed.data.extension?.gadgetConfiguration : undefined;
};

/** The project of a project page or sprint action, from the Forge context only. */
const projectOf = (context: unknown): string => {
  const parsed = contextSchema.safeParse(context);
  const key = parsed.success ? parsed.data.extension?.project?.key : undefined;
  if (key === undefined)
    throw new AppError('BAD_REQUEST', 'this resolver serves the project page: the context has no project');
  return key;
};

const boardIdOf = (context: unknown): number | null => {
  const parsed = contextSchema.safeParse(context);
  const id = parsed.success ? parsed.data.extension?.board?.id : undefined;
  return id === undefined || !/^\d+$/.test(String(id)) ? null : Number(id);
};

const sprintIdOf = (context: unknown): number | null => {
  const parsed = contextSchema.safeParse(context);
  const id = parsed.success ? parsed.data.extension?.sprint?.id : undefined;
  return id === undefined || !/^\d+$/.test(String(id)) ? null : Number(id);
};

export type ResolverRequest = { readonly payload: unknown; readonly context: unknown };
export type ResolverFunction<K extends ApiKey> = (
  deps: Deps,
  request: ResolverRequest,
  nowMs: number,
) => Promise<Reply<Api[K]['res']>>;

const accountOf = (context: unknown): string => {
  const parsed = contextSchema.safeParse(context);
  const accountId = parsed.success ? parsed.data.accountId : undefined;
  if (accountId === undefined) throw new AppError('FORBIDDEN', 'no signed-in user in the Forge context');
  return accountId;
};

const emptyPayload = z.strictObject({});
const documentSchema = z.record(z.string(), z.unknown());
const MAX_DOCUMENT_BYTES = 200_000;

const holidaysFor = (document: unknown, today: string): Record<string, { date: string; name: string }[]> => {
  const parsed = parseSettings(document);
  if (!parsed.ok) return {};
  return Object.fromEntries(
    Object.entries(parsed.value.calendars).map(([name, cal]) => [name, [...nextClosedDays(cal, today)]]),
  );
};

const checkSize = (document: unknown): void => {
  if (JSON.stringify(document).length > MAX_DOCUMENT_BYTES)
    throw new AppError('BAD_REQUEST', `the settings document is larger than ${MAX_DOCUMENT_BYTES} bytes`);
};

export const resolvers: { [K in ApiKey]: ResolverFunction<K> } = {
  'indicators/getMonth': (deps, { payload, context }, nowMs) =>
    reply('indicators/getMonth', async () => {
      emptyPayload.parse(payload ?? {});
      accountOf(context);
      return getIndicators(deps, gadgetConfigurationOf(context), nowMs);
    }),

  'indicators/refresh': (deps, { payload, context }, nowMs) =>
    reply('indicators/refresh', async () => {
      emptyPayload.parse(payload ?? {});
      accountOf(context);
      return getIndicators(deps, gadgetConfigurationOf(context), nowMs, true);
    }),

  'indicators/export': (deps, { payload, context }, nowMs) =>
    reply('indicators/export', async () => {
      const { format } = z.strictObject({ format: z.enum(['csv', 'json']) }).parse(payload);
      accountOf(context);
      return exportIndicators(deps, gadgetConfigurationOf(context), format, nowMs);
    }),

  'capacity/getBoard': (deps, { payload, context }, nowMs) =>
    reply('capacity/getBoard', async () => {
      const { sprintId } = z.strictObject({ sprintId: z.number().int().positive().optional() }).parse(payload ?? {});
      const accountId = accountOf(context);
      return getSprintBoard(
        deps,
        projectOf(context),
        accountId,
        sprintId ?? sprintIdOf(context),
        nowMs,
        boardIdOf(context),
      );
    }),

  'capacity/setReserve': (deps, { payload, context }, nowMs) =>
    reply('capacity/setReserve', async () => {
      const { sprintId, reserve } = z
        .strictObject({
          sprintId: z.number().int().positive(),
          reserve: z.number().finite().min(0).max(100_000).nullable(),
        })
        .parse(payload);
      const accountId = accountOf(context);
      return setSprintReserve(deps, projectOf(context), accountId, sprintId, reserve, nowMs, boardIdOf(context));
    }),

  'sla/getIssueSla': (deps, { payload, context }, nowMs) =>
    reply('sla/getIssueSla', async () => {
      emptyPayload.parse(payload ?? {});
      accountOf(context);
      const parsed = contextSchema.safeParse(context);
      const issueKey = parsed.success ? parsed.data.extension?.issue?.key : undefined;
      if (issueKey === undefined)
        throw new AppError('BAD_REQUEST', 'this resolver serves the issue panel: the context has no issue');
      const issueId =
        parsed.success && parsed.data.extension?.issue?.id !== undefined
          ? String(parsed.data.extension.issue.id)
          : null;
      return getIssueSla(deps, issueKey, nowMs, issueId);
    }),

  // The badge (jira:issueContext, issue 10): the issue only from the Forge context, which a resolver may trust for
  // authorization (Forge "App context security" page); see src/app/get-sla-badge.ts for the freshness rule.
  'sla/getBadge': (deps, { payload, context }, nowMs) =>
    reply('sla/getBadge', async () => {
      emptyPayload.parse(payload ?? {});
      accountOf(context);
      const parsed = contextSchema.safeParse(context);
      const issue = parsed.success ? parsed.data.extension?.issue : undefined;
      if (issue === undefined)
        throw new AppError('BAD_REQUEST', 'this resolver serves the issue view: the context has no issue');
      return getSlaBadge(deps, issue.key, issue.id === undefined ? null : String(issue.id), nowMs);
    }),

  'settings/get': (deps, { payload, context }, nowMs) =>
    reply('settings/get', async () => {
      emptyPayload.parse(payload ?? {});
      accountOf(context);
      const { stored } = await effectiveSettings(deps.store);
      const defaults = parseSettings({});
      if (!defaults.ok) throw new AppError('INTERNAL', 'the default settings do not parse');
      const today = formatInstant(nowMs, CONTRACT_ZONE).slice(0, 10);
      return {
        document: stored.document,
        defaults: settingsDocument(defaults.value),
        version: stored.version,
        updatedAt: stored.updatedAt,
        updatedBy: stored.updatedBy,
        holidays: holidaysFor(stored.document, today),
        canEdit: await userHasPermission(deps, 'ADMINISTER'),
      };
    }),

  'settings/check': (deps, { payload, context }, nowMs) =>
    reply('settings/check', async () => {
      const { document } = z.strictObject({ document: documentSchema }).parse(payload);
      accountOf(context);
      checkSize(document);
      return {
        problems: problemsOf(document),
        holidays: holidaysFor(document, formatInstant(nowMs, CONTRACT_ZONE).slice(0, 10)),
      };
    }),

  'settings/save': (deps, { payload, context }, nowMs) =>
    reply('settings/save', async () => {
      const { document, expectedVersion } = z
        .strictObject({ document: documentSchema, expectedVersion: z.number().int().min(0) })
        .parse(payload);
      const accountId = accountOf(context);
      checkSize(document);
      if (!(await userHasPermission(deps, 'ADMINISTER')))
        throw new AppError('FORBIDDEN', 'only Jira administrators may change the Contract SLA settings');
      const saved = await saveSettings(
        deps.store,
        document,
        expectedVersion,
        accountId,
        formatInstant(nowMs, CONTRACT_ZONE),
      );
      // The settings are saved: a failure to queue the recomputation must not report the save as failed (the
      // 5-minute trigger recomputes clocks due soon anyway). The search itself runs in the queue, page by page, and so
      // does the sync of the severity UI modification (issue 10, handlers.ts).
      await scheduleFullRecompute(deps, `settings v${saved.version}`, saved.version).catch((error: unknown) => {
        console.error(
          `settings v${saved.version} saved, recomputation not queued: ${error instanceof Error ? error.message : String(error)}`,
        );
      });
      return { version: saved.version, updatedAt: saved.updatedAt ?? formatInstant(nowMs, CONTRACT_ZONE) };
    }),

  'validators/getOptions': (deps, { payload, context }) =>
    reply('validators/getOptions', async () => {
      const { query } = z.strictObject({ query: z.string().max(100).optional() }).parse(payload ?? {});
      accountOf(context);
      if (!(await userHasPermission(deps, 'ADMINISTER')))
        throw new AppError('FORBIDDEN', 'only Jira administrators configure workflow validators');
      const [catalogue, groups] = await Promise.all([fieldCatalogue(deps), deps.jira.findGroups(query ?? '')]);
      return {
        groups,
        fields: catalogue.fields
          .filter((f) => f.id.startsWith('customfield_'))
          .map((f) => ({ id: f.id, name: f.name })),
        appFields: catalogue.appFields,
      };
    }),

  'validators/buildConfig': (deps, { payload, context }) =>
    reply('validators/buildConfig', async () => {
      accountOf(context);
      if (!(await userHasPermission(deps, 'ADMINISTER')))
        throw new AppError('FORBIDDEN', 'only Jira administrators configure workflow validators');
      return buildValidatorConfig(payload);
    }),

  // Issue 10 (D5): the UI modification's client code. The user is the Forge context's only; groups asked as the app.
  'uiModifications/severityAccess': (deps, { payload, context }) =>
    reply('uiModifications/severityAccess', async () => {
      emptyPayload.parse(payload ?? {});
      return severityAccess(deps, accountOf(context));
    }),
};
