// Manual mock of @forge/jira-bridge: keeps the callback the screen registers, so a test can press Jira's save. The
// callback answers the configuration JSON, or undefined to refuse the save (Forge "workflowRules" page, onConfigure).
export const workflowRules = {
  onConfigure: jest.fn(async (_callback: () => Promise<string | undefined>): Promise<void> => undefined),
};
