// The script a Custom UI frame gets before its bundle: `globalThis.__bridge.callBridge`, the only way
// @forge/bridge (and @forge/jira-bridge) talk to their host. Calls go to the workbench server or to the page that
// holds the frame, like Jira's host page does.

/** The shim's source, with the frame's context and id embedded (JSON is escaped for an inline script). */
export const bridgeShim = (frameId: string, context: unknown): string => {
  const json = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c');
  return `(() => {
  const frameId = ${json(frameId)};
  const context = ${json(context)};
  let onConfigure = null;
  let modalOnClose = null;
  const post = (message) => window.parent && window.parent.postMessage({ ...message, frameId }, window.location.origin);
  window.addEventListener('message', async (event) => {
    if (event.origin !== window.location.origin || !event.data || event.data.frameId !== frameId) return;
    if (event.data.type === 'wb-modal-closed') {
      // The host page closed the modal this frame opened: its onClose gets view.close's payload (Forge "Modal").
      const onClose = modalOnClose;
      modalOnClose = null;
      if (onClose) onClose(event.data.payload);
      return;
    }
    if (event.data.type === 'wb-configure') {
      try {
        if (!onConfigure) throw new Error('this screen registered no configuration callback');
        // As in Jira, a callback answering undefined refuses the save: nothing is stored, the screen stays open.
        const config = await onConfigure();
        post(config === undefined ? { type: 'wb-configured', ok: false, message: 'La configuration n’a pas été enregistrée : corrigez le formulaire.' } : { type: 'wb-configured', ok: true, config });
      } catch (error) {
        post({ type: 'wb-configured', ok: false, message: String(error && error.message || error) });
      }
    }
  });
  globalThis.__bridge = {
    callBridge: async (name, args) => {
      switch (name) {
        case 'getContext':
          return context;
        case 'invoke': {
          const response = await fetch('/__workbench/invoke', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ frameId, functionKey: args.functionKey, payload: args.payload ?? {} }),
          });
          const answer = await response.json();
          post({ type: 'wb-invoked', functionKey: args.functionKey, jiraCalls: answer.jiraCalls, calls: answer.calls });
          if (!response.ok) throw new Error(answer.message || 'invoke failed');
          return answer.result;
        }
        // Issue 10 (D5): @forge/jira-bridge's UI modifications (uiModificationsApi.onInit) ask the host for the form
        // (context.extension.formState, the host page's fields) and submit the changes, which the host page applies.
        case 'getUiModificationsInternalAPI': {
          const extension = (context && context.extension) || {};
          return {
            actions: {
              getOnInitData: async () => ({ currentFormState: extension.formState || {}, currentScreenTabsState: [] }),
              submit: async (payload) => {
                post({ type: 'wb-uim-submit', payload });
                return true;
              },
              registerFields: async () => true,
              subscribeToChanges: () => () => undefined,
              onBridgeError: (error) => post({ type: 'wb-uim-error', error: String((error && error.cause) || error) }),
            },
            data: { uiModifications: extension.uiModifications || [], onInitChangeId: 'wb-init' },
          };
        }
        case 'setWorkflowRuleConfigurationCallback':
          onConfigure = args && args.data && args.data.onConfigure;
          return true;
        case 'showFlag':
          post({ type: 'wb-flag', flag: args });
          return true;
        case 'closeFlag':
        case 'enableTheming':
        case 'resize':
          return true;
        case 'openModal': {
          // Forge "Modal" bridge API: the host page opens a frame of another resource over the page.
          const issue = context && context.extension && context.extension.issue;
          modalOnClose = typeof args.onClose === 'function' ? args.onClose : null;
          post({
            type: 'wb-open-modal',
            resource: args.resource || null,
            size: args.size || 'medium',
            title: args.title || '',
            context: args.context || {},
            issueKey: issue && issue.key ? issue.key : null,
          });
          return true;
        }
        case 'navigate':
          post({ type: 'wb-navigate', location: args });
          return true;
        case 'submit':
        case 'close':
          post({ type: 'wb-' + name, payload: args });
          return true;
        default:
          throw new Error('the workbench does not provide the bridge call ' + name);
      }
    },
  };
})();`;
};
