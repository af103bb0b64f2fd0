// The one test for "a JSON object" (not null, not an array) used where a payload is read key by key.
export const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
