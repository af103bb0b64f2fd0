// The only file of the severity UI modification that talks to the Forge bridges (style guide B6): the resolver call
// and Jira's UI modifications hook (@forge/jira-bridge `uiModificationsApi.onInit`).
import { invoke } from '@forge/bridge';
import { uiModificationsApi } from '@forge/jira-bridge';
import type { Reply, SeverityAccessView } from '../../../src/contract';
import { settleReply } from '../../shared/src/reply';

/** Whether the invoking user may edit the severity; a bridge failure comes back as an INTERNAL reply. */
export const severityAccess = (): Promise<Reply<SeverityAccessView>> =>
  settleReply<Reply<SeverityAccessView>>(
    'uiModifications/severityAccess',
    invoke<Reply<SeverityAccessView>>('uiModifications/severityAccess', {}),
  );

export const onInit = uiModificationsApi.onInit;
