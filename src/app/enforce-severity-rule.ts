// D5 server side: once the issue exists, only the Administration group sets or changes its severity (the reporter
// may give one at creation). A field edit outside a transition cannot be stopped by a workflow validator, so the
// update trigger puts the previous value back, empty included (with a history entry, so the attempt and the
// correction both stay visible in the clock's explanation).
import { z } from 'zod';
import { APP_FIELD_KEYS } from '../contract';
import { fieldCatalogue } from './jira-catalogues';
import type { Deps } from './ports';
import { effectiveSettings } from './settings/settings-repository';

export const changeItemSchema = z.looseObject({
  field: z.string().optional(),
  fieldId: z.string().optional(),
  fromString: z.string().nullish(),
  toString: z.string().nullish(),
});

export type SeverityRuleOutcome = 'no-change' | 'allowed' | 'reverted';

export const enforceSeverityRule = async (
  deps: Deps,
  issueId: string,
  actorAccountId: string | null,
  items: readonly z.infer<typeof changeItemSchema>[],
): Promise<SeverityRuleOutcome> => {
  const catalogue = await fieldCatalogue(deps);
  const severityFieldId = catalogue.appFields[APP_FIELD_KEYS.severity];
  if (severityFieldId === undefined) return 'no-change';
  const change = items.find((i) => i.fieldId === severityFieldId);
  if (!change) return 'no-change';
  const { settings } = await effectiveSettings(deps.store);
  if (actorAccountId !== null && (await deps.jira.groupsOf(actorAccountId)).includes(settings.administrationGroup))
    return 'allowed';
  const outcome = await deps.jira.writeAppFieldValues(
    [
      {
        customField: severityFieldId,
        issueIds: [issueId],
        value: change.fromString === undefined || change.fromString === '' ? null : change.fromString,
      },
    ],
    { generateChangelog: true },
  );
  return outcome.written ? 'reverted' : 'allowed';
};
