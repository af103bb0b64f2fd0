// Wire notices and errors: the warnings every report carries (figures still computed) and an issue's errors (it could
// not be computed). One notice shape for the clocks, reserve and monthly reports alike.

/**
 * A warning: a stable code, the server's English sentence, and the issues it names when it names any (the monthly
 * report always lists them, possibly empty; a sprint warning about one issue has `keys: [key]`; clocks warnings none).
 */
export type Notice = { readonly code: string; readonly message: string; readonly keys?: readonly string[] };

/** Why an issue could not be computed: where in the export (`path`) and what. */
export type WireError = { readonly code: string; readonly path: string; readonly message: string };
