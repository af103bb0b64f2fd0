// POST /rest/api/3/app/field/value ("Update custom fields"): the app sets values of its own fields, grouped by field
// and value; `generateChangelog` says whether the writes show in the issues' histories (and their update events).
import type { AppFieldUpdate, FieldWriteOutcome, JiraTransport } from '../app/ports';

export const writeFieldValues = async (
  jira: JiraTransport,
  updates: readonly AppFieldUpdate[],
  options: { readonly generateChangelog: boolean },
): Promise<FieldWriteOutcome> => {
  const reply = await jira.request(
    'app',
    'POST',
    `/rest/api/3/app/field/value?generateChangelog=${options.generateChangelog}`,
    {
      updates: updates.map((u) => ({ customField: u.customField, issueIds: u.issueIds.map(Number), value: u.value })),
    },
  );
  return reply.status === 204 || reply.status === 200 ? { written: true } : { written: false, status: reply.status };
};
