// The severity UI modification's client code (jira:uiModifications, issue 10, D5), run by Jira on the create screen
// (GIC) and the issue view for the contexts the app registered. It declares the severity field (named by the
// registration's data), asks the resolver whether the invoking user is in the Administration group, and makes the
// field read-only with a one-line explanation otherwise (Forge "Jira UI modifications" page; @forge/jira-bridge
// `uiModificationsApi.onInit`, field API `setReadOnly` / `setDescription`).
import { onInit, severityAccess } from './api';
import { changeFor, dataOf } from './apply';

void onInit(
  async ({ api, uiModifications: registered }) => {
    const data = dataOf(registered);
    if (data === null) return;
    const field = api.getFieldById(data.severityFieldId);
    if (field === undefined) return;
    const change = changeFor(data, await severityAccess());
    if (change === null) return;
    field.setReadOnly(change.readOnly);
    field.setDescription(change.description);
  },
  ({ uiModifications: registered }) => {
    const data = dataOf(registered);
    return data === null ? [] : [data.severityFieldId];
  },
);
