// What Forge allows one resolver invocation: how long it may run and how much it may answer. A real site stops the
// function at the limit and the front end's invoke fails; the workbench fails the invocation the same way, with the
// limit named, so a resolver that would break it on a site breaks a test first.

/** "Invocation limits": "Runtime seconds 25", the maximum runtime permitted before the app is stopped. */
export const RESOLVER_RUNTIME_MS = 25_000;
/**
 * "Invocation limits" / "Platform quotas and limits": a function's response is at most 5 MB. Counted as 5,000,000
 * bytes of JSON (the smaller reading of "MB"), so what passes here passes on a site.
 */
export const RESOLVER_RESPONSE_BYTES = 5_000_000;

export type InvocationLimits = { readonly runtimeMs: number; readonly responseBytes: number };

export const FORGE_INVOCATION_LIMITS: InvocationLimits = {
  runtimeMs: RESOLVER_RUNTIME_MS,
  responseBytes: RESOLVER_RESPONSE_BYTES,
};

/** An invocation the platform would stop or refuse; `limit` names the rule. */
export class InvocationLimitError extends Error {
  constructor(
    readonly limit: 'RUNTIME' | 'RESPONSE_SIZE',
    message: string,
  ) {
    super(message);
    this.name = 'InvocationLimitError';
  }
}

export const runtimeExceeded = (
  functionKey: string,
  elapsedMs: number,
  limits: InvocationLimits,
): InvocationLimitError =>
  new InvocationLimitError(
    'RUNTIME',
    `${functionKey}: the invocation ran ${Math.round(elapsedMs)} ms; a Forge resolver is stopped after ${limits.runtimeMs / 1000} s (Invocation limits: runtime seconds)`,
  );

/** The refusal for this reply, or null when it fits. Size: UTF-8 bytes of the reply's JSON, as sent to the front end. */
export const responseProblem = (
  functionKey: string,
  result: unknown,
  limits: InvocationLimits,
): InvocationLimitError | null => {
  const json = JSON.stringify(result);
  const bytes = json === undefined ? 0 : Buffer.byteLength(json, 'utf8');
  return bytes > limits.responseBytes
    ? new InvocationLimitError(
        'RESPONSE_SIZE',
        `${functionKey}: the reply is ${bytes} bytes; a Forge resolver replies at most 5 MB (${limits.responseBytes} bytes) (Invocation limits: response size)`,
      )
    : null;
};
