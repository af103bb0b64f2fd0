// The local Jira Cloud stand-in of the workbench (`npm start`) and the tests (docs/design/forge-app.md, "Local Jira").
export { createLocalJira } from './local-jira';
export {
  seedDemo,
  demoValidators,
  VALIDATOR_MODULE_KEYS,
  SEVERITY_REQUIRED_EXPRESSION,
  AFFECTED_VERSION_REQUIRED_EXPRESSION,
} from './seed-demo';
export { evaluateJiraExpression, expressionVerdict, parseJiraExpression } from './jira-expression';
export type { ExpressionContext, ExpressionOutcome, ExpressionValue, ExpressionVerdict } from './jira-expression';
export {
  APP_ACCOUNT_ID,
  APP_ID,
  DEMO_USERS,
  DEVELOPMENT_WORKFLOW,
  ENVIRONMENT_ID,
  MAINTENANCE_WORKFLOW,
  PROJECT_KEY,
  TRANSITIONS,
  forgeExtensionAri,
  moduleKeyOfAri,
  userByLogin,
} from './catalog';
export type {
  Caller,
  ChangeItem,
  DemoUser,
  FunctionValidatorHook,
  FunctionValidatorPayload,
  FunctionValidatorResult,
  IssueEvent,
  JiraCallRecord,
  JiraRequest,
  JiraResponse,
  LocalJira,
  LocalJiraControl,
  LocalJiraOptions,
  TransitionView,
  ValidatorInput,
  WorkflowValidator,
} from './types';
