// The wire contract: the JSON the CLI prints and the resolvers return, as types (plain JSON only: no DateTime, no
// classes; instants are ISO 8601 strings with an offset, `…At`, durations integer milliseconds, `…Ms`). static/
// imports it with `import type` only. Its run-time values are names: APP_FIELD_KEYS (app-fields.ts) and the SLA
// property's key and indexed paths (sla-property.ts).
export { APP_FIELD_KEYS } from './app-fields';
export { SLA_PROPERTY_INDEX, SLA_PROPERTY_KEY, slaStateKey } from './sla-property';
export type * from './api';
export type * from './clocks';
export type * from './indicators';
export type * from './issue-panel';
export type * from './notice';
export type * from './reserve';
export type * from './settings';
export type * from './sla-property';
export type * from './sla-badge';
export type * from './validators';
export type * from './ui-modifications';
