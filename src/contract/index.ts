// The wire contract: the JSON the CLI prints and the resolvers return, as types (plain JSON only: no DateTime, no
// classes; instants are ISO 8601 strings with an offset, `…At`, durations integer milliseconds, `…Ms`). static/
// imports it with `import type` only. APP_FIELD_KEYS is its one run-time value (app-fields.ts).
export { APP_FIELD_KEYS } from './app-fields';
export type * from './api';
export type * from './clocks';
export type * from './indicators';
export type * from './issue-panel';
export type * from './notice';
export type * from './reserve';
export type * from './settings';
export type * from './validators';
