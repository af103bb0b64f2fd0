// Manual mock of @forge/jira-bridge: keeps the callback the screen registers, so a test can press Jira's save.
export const workflowRules = {
  onConfigure: jest.fn(async (_callback: () => Promise<string>): Promise<void> => undefined),
};
