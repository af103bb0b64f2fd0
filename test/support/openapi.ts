// Validates JSON that Jira sends (responses) against Atlassian's OpenAPI 3.0 descriptions in ../shared/jira-openapi/.
// Specs are read once, lazily; one Ajv instance holds both documents and compiled validators are cached by pointer.
import fs from 'node:fs';
import path from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

export type JiraSpec = 'platform' | 'software';
export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'patch';

/** Read-only copy shared by every project; never copied into the repo (shared/jira-openapi/README.md). */
export const JIRA_OPENAPI_DIR = path.resolve(__dirname, '../..', '../shared/jira-openapi');

const SPEC_FILES: Readonly<Record<JiraSpec, string>> = {
  platform: 'jira-platform.v3.json',
  software: 'jira-software.v3.json',
};

/** `$id` under which each document is registered in Ajv; refs are `<id>#<json pointer>`. */
const SPEC_IDS: Readonly<Record<JiraSpec, string>> = {
  platform: 'https://contract-sla.invalid/openapi/jira-platform.v3.json',
  software: 'https://contract-sla.invalid/openapi/jira-software.v3.json',
};

type JsonObject = { [key: string]: unknown };

type Harness = {
  readonly ajv: Ajv;
  readonly docs: Readonly<Record<JiraSpec, JsonObject>>;
  readonly validators: Map<string, ValidateFunction>;
};

let harness: Harness | undefined;

/**
 * Jira date-times, as Jira Cloud really writes them: `2026-03-02T09:15:00.000+0100` (offset without a colon, which
 * RFC 3339 does not allow) and the RFC 3339 form `…+01:00` / `…Z` used by the agile API and by the spec's examples.
 *
 * ajv-formats 3.0.1 happens to accept `+0100` too, but it also accepts what luxon's `DateTime.fromISO` (the parser of
 * our Jira adapter) rejects or reads differently: a space instead of `T`, an hour-only offset `+01`, lowercase `t`/`z`.
 * A fixture that passes here must parse at the edge, so we register our own, stricter `date-time`: an explicit offset
 * is required (an instant without one would be read in the host zone), and the calendar date must exist.
 */
const JIRA_DATE_TIME =
  /^(\d{4})-(\d\d)-(\d\d)T([01]\d|2[0-3]):([0-5]\d):([0-5]\d)(?:\.\d{1,9})?(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)$/;

export function isJiraDateTime(text: string): boolean {
  const match = JIRA_DATE_TIME.exec(text);
  if (match === null) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  // Day 0 of the next month is the last day of this month; UTC arithmetic never depends on the host zone.
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth;
}

function loadHarness(): Harness {
  if (harness !== undefined) return harness;
  const ajv = new Ajv({
    // OpenAPI 3.0 is a superset/subset of draft-07 with its own keywords; strict mode would reject the documents.
    strict: false,
    allErrors: true,
    verbose: true, // keeps the offending value on each error, for messages
    logger: false,
  });
  addFormats(ajv);
  ajv.addFormat('date-time', { type: 'string', validate: isJiraDateTime });
  // The software spec spells one format `URL` (the platform spec has `uri` and `url`, both known to ajv-formats).
  ajv.addFormat('URL', { type: 'string', validate: (s: string) => /^https?:\/\/\S+$/.test(s) });
  // OpenAPI-only keywords, declared as annotations so that Ajv knows them and asserts nothing:
  // `discriminator` (rewritten into if/then when the documents load, see rewriteDiscriminators), `xml`, `example`,
  // `externalDocs`. `nullable` is understood natively by Ajv 8; `readOnly`, `writeOnly`, `deprecated` are draft-07
  // annotations (writeOnly is handled in dropWriteOnlyFromRequired).
  ajv.addVocabulary(['discriminator', 'xml', 'example', 'externalDocs']);

  const docs = { platform: readSpec('platform'), software: readSpec('software') };
  for (const spec of ['platform', 'software'] as const) {
    // The documents are not JSON Schemas themselves (only their schema objects are), so skip meta-validation.
    ajv.addSchema(docs[spec], SPEC_IDS[spec], undefined, false);
  }
  harness = { ajv, docs, validators: new Map() };
  return harness;
}

function readSpec(spec: JiraSpec): JsonObject {
  const file = path.join(JIRA_OPENAPI_DIR, SPEC_FILES[spec]);
  if (!fs.existsSync(file)) {
    throw new Error(
      `${file} is missing: the tests read Atlassian's OpenAPI descriptions from ../shared/jira-openapi/, beside the project folder`,
    );
  }
  const doc: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!isObject(doc)) throw new Error(`${file} is not a JSON object`);
  dropWriteOnlyFromRequired(doc);
  rewriteDiscriminators(doc);
  return doc;
}

/**
 * OpenAPI 3.0: a `required` property that is `writeOnly` is required in requests only. Every value validated here is
 * something Jira sends, so those names are removed from `required` (80 such cases in the platform spec, all in
 * request bodies). `readOnly` needs nothing: read-only properties may appear in responses.
 */
function dropWriteOnlyFromRequired(node: unknown): void {
  if (Array.isArray(node)) {
    for (const child of node) dropWriteOnlyFromRequired(child);
    return;
  }
  if (!isObject(node)) return;
  const properties = node['properties'];
  const required = node['required'];
  if (isObject(properties) && Array.isArray(required)) {
    node['required'] = required.filter((name) => {
      const property = typeof name === 'string' ? properties[name] : undefined;
      return !(isObject(property) && property['writeOnly'] === true);
    });
  }
  for (const child of Object.values(node)) dropWriteOnlyFromRequired(child);
}

/**
 * OpenAPI 3.0 `discriminator` + `oneOf`: the value of the discriminating property picks the one branch that must
 * match. Plain `oneOf` is not the same: Jira's branches often overlap (IssueContextVariable and JsonContextVariable both
 * accept `{ "type": "json" }`), so "exactly one matches" rejects valid values. Ajv's own `discriminator` option needs
 * `const` tags in every branch, which Atlassian's documents do not have, so each such `oneOf` becomes
 * `if <property> = value then <branch>` rules, with the property required and limited to the mapping's values.
 * Without a `mapping`, the value is the branch's schema name (the OpenAPI default).
 */
function rewriteDiscriminators(node: unknown): void {
  if (Array.isArray(node)) {
    for (const child of node) rewriteDiscriminators(child);
    return;
  }
  if (!isObject(node)) return;
  for (const child of Object.values(node)) rewriteDiscriminators(child);
  const discriminator = node['discriminator'];
  const oneOf = node['oneOf'];
  if (!isObject(discriminator) || !Array.isArray(oneOf)) return;
  const propertyName = discriminator['propertyName'];
  if (typeof propertyName !== 'string') return;
  const mapping: Record<string, string> = {};
  if (isObject(discriminator['mapping'])) {
    for (const [value, ref] of Object.entries(discriminator['mapping']))
      if (typeof ref === 'string') mapping[value] = ref;
  } else {
    for (const branch of oneOf) {
      const ref = isObject(branch) ? branch['$ref'] : undefined;
      if (typeof ref === 'string') mapping[ref.slice(ref.lastIndexOf('/') + 1)] = ref;
    }
  }
  const rules = Object.entries(mapping).map(([value, ref]) => ({
    if: { properties: { [propertyName]: { const: value } }, required: [propertyName] },
    then: { $ref: ref },
  }));
  const allOf = Array.isArray(node['allOf']) ? node['allOf'] : [];
  node['allOf'] = [
    ...allOf,
    { properties: { [propertyName]: { enum: Object.keys(mapping) } }, required: [propertyName] },
    ...rules,
  ];
  delete node['oneOf'];
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** RFC 6901 pointer, each token also URI-encoded because it ends up in a `$ref` fragment (`{boardId}`). */
function pointerOf(tokens: readonly string[]): string {
  return tokens.map((t) => '/' + encodeURIComponent(t.replace(/~/g, '~0').replace(/\//g, '~1'))).join('');
}

function validatorFor(spec: JiraSpec, tokens: readonly string[]): ValidateFunction {
  const { ajv, validators } = loadHarness();
  const ref = `${SPEC_IDS[spec]}#${pointerOf(tokens)}`;
  let validate = validators.get(ref);
  if (validate === undefined) {
    validate = ajv.compile({ $ref: ref });
    validators.set(ref, validate);
  }
  return validate;
}

/** The parsed spec document (cached); for tests that read examples or list names. */
export function jiraSpecDocument(spec: JiraSpec): Readonly<JsonObject> {
  return loadHarness().docs[spec];
}

/** Names of `components.schemas` in a spec. */
export function jiraSchemaNames(spec: JiraSpec): string[] {
  const components = jiraSpecDocument(spec)['components'];
  const schemas = isObject(components) ? components['schemas'] : undefined;
  return isObject(schemas) ? Object.keys(schemas) : [];
}

/**
 * Errors of `value` against `components.schemas[schemaName]`, one readable line each (`/issues/0/key: must be
 * string`); empty when valid. Throws when the schema does not exist, so a typo cannot make a test pass.
 */
export function validateJira(spec: JiraSpec, schemaName: string, value: unknown): string[] {
  if (!jiraSchemaNames(spec).includes(schemaName)) {
    throw new RangeError(`validateJira: no components.schemas.${schemaName} in the ${spec} spec`);
  }
  return run(validatorFor(spec, ['components', 'schemas', schemaName]), value);
}

export function expectValidJira(spec: JiraSpec, schemaName: string, value: unknown): void {
  throwIfAny(`${spec} ${schemaName}`, validateJira(spec, schemaName, value));
}

type ResponseLocation = { readonly operation: JsonObject; readonly media: JsonObject; readonly tokens: string[] };

function locateResponse(
  spec: JiraSpec,
  method: HttpMethod,
  apiPath: string,
  status: number,
  contentType: string,
): ResponseLocation {
  const where = `${method.toUpperCase()} ${apiPath} ${status} ${contentType} (${spec} spec)`;
  const paths = jiraSpecDocument(spec)['paths'];
  const item = isObject(paths) ? paths[apiPath] : undefined;
  const operation = isObject(item) ? item[method] : undefined;
  if (!isObject(operation)) throw new RangeError(`no operation ${where}`);
  const responses = operation['responses'];
  const response = isObject(responses) ? responses[String(status)] : undefined;
  const content = isObject(response) ? response['content'] : undefined;
  const media = isObject(content) ? content[contentType] : undefined;
  if (!isObject(media)) throw new RangeError(`no response body declared for ${where}`);
  const tokens = ['paths', apiPath, method, 'responses', String(status), 'content', contentType];
  return { operation, media, tokens };
}

/** True when the spec gives a schema (not only an example) for that response. */
export function hasJiraResponseSchema(
  spec: JiraSpec,
  method: HttpMethod,
  apiPath: string,
  status: number,
  contentType = 'application/json',
): boolean {
  return locateResponse(spec, method, apiPath, status, contentType).media['schema'] !== undefined;
}

/**
 * Errors of `value` against the response schema of one operation, e.g.
 * `validateJiraResponse('platform', 'get', '/rest/api/3/search/jql', 200, body)`. Works for inline response schemas
 * and `$ref`s alike. Throws when the spec declares no schema there: many agile responses (board sprints, sprint) give
 * only an example, so use the matching component (`SprintBean`) for those.
 */
export function validateJiraResponse(
  spec: JiraSpec,
  method: HttpMethod,
  apiPath: string,
  status: number,
  value: unknown,
  contentType = 'application/json',
): string[] {
  const { media, tokens } = locateResponse(spec, method, apiPath, status, contentType);
  if (media['schema'] === undefined) {
    throw new RangeError(
      `validateJiraResponse: ${method.toUpperCase()} ${apiPath} ${status} has no schema in the ${spec} spec, only an example`,
    );
  }
  return run(validatorFor(spec, [...tokens, 'schema']), value);
}

export function expectValidJiraResponse(
  spec: JiraSpec,
  method: HttpMethod,
  apiPath: string,
  status: number,
  value: unknown,
  contentType = 'application/json',
): void {
  throwIfAny(
    `${spec} ${method.toUpperCase()} ${apiPath} ${status}`,
    validateJiraResponse(spec, method, apiPath, status, value, contentType),
  );
}

/** The spec's own example for a response, parsed (Atlassian stores examples as JSON strings). */
export function jiraResponseExample(
  spec: JiraSpec,
  method: HttpMethod,
  apiPath: string,
  status: number,
  contentType = 'application/json',
): unknown {
  const example = locateResponse(spec, method, apiPath, status, contentType).media['example'];
  if (example === undefined) throw new RangeError(`no example for ${method.toUpperCase()} ${apiPath} ${status}`);
  return typeof example === 'string' ? JSON.parse(example) : example;
}

function run(validate: ValidateFunction, value: unknown): string[] {
  if (validate(value)) return [];
  const lines = (validate.errors ?? []).map(describe);
  return [...new Set(lines)].sort(); // by path, so messages are stable whatever order Ajv walked the schema in
}

function describe(error: ErrorObject): string {
  const at = error.instancePath === '' ? '(root)' : error.instancePath;
  const params: Record<string, unknown> = error.params;
  let detail = '';
  if (error.keyword === 'additionalProperties') detail = ` '${String(params['additionalProperty'])}'`;
  else if (error.keyword === 'enum') detail = ` ${JSON.stringify(params['allowedValues'])}`;
  const data: unknown = error.data;
  const got = data === null || ['string', 'number', 'boolean'].includes(typeof data) ? `, got ${shorten(data)}` : '';
  return `${at}: ${error.message ?? error.keyword}${detail}${got}`;
}

function shorten(data: unknown): string {
  const text = JSON.stringify(data);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function throwIfAny(what: string, errors: readonly string[]): void {
  if (errors.length > 0) {
    throw new Error(`value is not a valid ${what}:\n  ${errors.join('\n  ')}`);
  }
}
