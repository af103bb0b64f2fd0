// Forge entry points (manifest.yml → function handlers). Re-exports only.
import { Settings } from 'luxon';

Settings.throwOnInvalid = true;

// resolvers
export { handler as resolver } from './resolvers';
// validators
export { administrationValidator } from './validators/administration-validator';
// triggers
export { onIssueEvent, onRecompute, onSchedule } from './triggers/handlers';
// JQL functions (issue 10)
export { jqlFunction } from './app/jql-functions';
