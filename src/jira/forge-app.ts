// The AppIdentity on Forge: the app and environment ids of the running function, from @forge/api's getAppContext
// (Forge doc "getAppContext": appAri.appId, environmentAri.environmentId). Read per invocation: the runtime sets them.
import { getAppContext } from '@forge/api';
import type { AppIdentity } from '../app/ports';

export const forgeAppIdentity = (): AppIdentity => {
  const context = getAppContext();
  return { appId: context.appAri.appId, environmentId: context.environmentAri.environmentId };
};
