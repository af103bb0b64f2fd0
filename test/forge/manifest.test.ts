// forge lint needs an Atlassian login: the manifest is validated offline with Atlassian's own validator instead.
import fs from 'node:fs';
import path from 'node:path';
import {
  ManifestParserBuilder,
  ProcessorBuilder,
  ProductTriggerValidationProcessor,
  ValidationTypes,
} from '@forge/manifest';
import { APP_FIELD_KEYS } from '../../src/contract';
import { DEFAULT_ISSUE_TYPES } from '../../src/app/settings/parse-settings';
import { FIELDS, VALIDATOR_MODULES } from '../../workbench/local-jira/catalog';
import { evaluateJiraExpression, expressionVerdict } from '../../workbench/local-jira/jira-expression';

const MANIFEST = path.resolve(__dirname, '../..', 'manifest.yml');
jest.setTimeout(60_000);

type Outcome = { success: boolean; errors?: { message: string; level?: string }[] };
const errorsOf = (outcome: Outcome): string[] =>
  (outcome.errors ?? []).filter((e) => e.level !== 'warning').map((e) => e.message);

describe('manifest.yml', () => {
  it('passes the full validation of @forge/manifest (schema, modules, handlers, resources, scopes)', async () => {
    const outcome = (await ProcessorBuilder.instance()
      .withValidation(ValidationTypes.FULL)
      .build()
      .process(MANIFEST)) as Outcome;
    expect(errorsOf(outcome)).toEqual([]);
    expect(outcome.success).toBe(true);
  });

  it('declares the scopes its product triggers need', async () => {
    const outcome = (await new ProductTriggerValidationProcessor().process(MANIFEST)) as Outcome;
    expect(errorsOf(outcome)).toEqual([]);
  });

  it('can fail: a manifest without the scope its trigger needs is refused', async () => {
    const fs = await import('node:fs/promises');
    const os = await import('node:os');
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'manifest-'));
    const broken = (await fs.readFile(MANIFEST, 'utf8')).replace('    - read:jira-work\n', '');
    const file = path.join(dir, 'manifest.yml');
    await fs.writeFile(file, broken);
    const outcome = (await new ProductTriggerValidationProcessor().process(file)) as Outcome;
    expect(errorsOf(outcome).join('\n')).toMatch(/requires 'read:jira-work' scope/);
  });
});

// What the modules say, checked against what the docs require (the cited page names are in manifest.yml's comments).
type Module = Record<string, unknown>;
const modules = (): Record<string, Module[]> =>
  (new ManifestParserBuilder().build().parseManifest({ content: fs.readFileSync(MANIFEST, 'utf8'), filePath: MANIFEST })
    .modules ?? {}) as unknown as Record<string, Module[]>;
const moduleOf = (type: string, key: string): Module => {
  const found = (modules()[type] ?? []).find((m) => m['key'] === key);
  if (!found) throw new Error(`no ${type} ${key} in manifest.yml`);
  return found;
};

describe('manifest.yml modules', () => {
  it.each([['severity-required-validator'], ['affected-version-validator']])(
    '%s fails closed until configured, with the workbench mirroring it',
    (key) => {
      const validator = moduleOf('jira:workflowValidator', key);
      const expression = String(validator['expression']);
      // Unconfigured (config null) and configured without an expression: the manifest's expression runs and refuses.
      for (const config of [null, {}]) {
        const verdict = expressionVerdict(
          evaluateJiraExpression(expression, { config, issue: { customfield_10100: 'Majeure' } }),
          String(validator['errorMessage']),
        );
        expect(verdict).toEqual({
          pass: false,
          message: expect.stringMatching(/^Validateur non configuré : .* \/ Validator not configured: /),
          problem: null,
        });
      }
      expect(VALIDATOR_MODULES.find((m) => m.key === key)).toEqual({
        key,
        type: 'expression',
        expression,
        errorMessage: validator['errorMessage'],
      });
    },
  );

  it.each<[string, string, readonly (string | null)[], readonly string[]]>([
    ['severity', 'customfield_10100', [null, 'Bloquante', 'Critique', 'Basse'], ['bloquante', 'Haute', '']],
    ['detection-environment', 'customfield_10101', [null, 'Validation', 'Production'], ['Prod', 'ACC']],
    ['service-level', 'customfield_10102', [null, 'OR', 'ARGENT', 'BRONZE'], ['GOLD', 'or']],
  ])(
    'custom field %s keeps its allowed values in edit.validation, as the workbench enforces them',
    (key, fieldId, allowed, refused) => {
      const field = moduleOf('jira:customField', key);
      expect(field['validation']).toBeUndefined();
      const validation = (field['edit'] as { validation?: { expression: string; errorMessage: string } } | undefined)
        ?.validation;
      if (!validation) throw new Error(`${key} has no edit.validation`);
      const workbench = FIELDS.find((f) => f.id === fieldId)?.validation;
      if (!workbench) throw new Error(`the workbench does not validate ${fieldId}`);
      expect(workbench.errorMessage).toBe(validation.errorMessage);
      const passes = (expression: string, value: string | null) =>
        expressionVerdict(evaluateJiraExpression(expression, { value }), '').pass;
      for (const value of allowed)
        expect([value, passes(validation.expression, value), passes(workbench.expression, value)]).toEqual([
          value,
          true,
          true,
        ]);
      for (const value of refused)
        expect([value, passes(validation.expression, value), passes(workbench.expression, value)]).toEqual([
          value,
          false,
          false,
        ]);
    },
  );

  it('declares every app field the code names (APP_FIELD_KEYS) as a jira:customField, and no other', () => {
    const declared = (modules()['jira:customField'] ?? []).map((m) => String(m['key']));
    expect([...declared].sort()).toEqual(Object.values(APP_FIELD_KEYS).sort());
  });

  it('gives the dashboard gadget an absolute https thumbnail', () => {
    const thumbnail = String(moduleOf('jira:dashboardGadget', 'contract-indicators')['thumbnail']);
    expect(new URL(thumbnail).protocol).toBe('https:');
  });

  it('gives the queue consumer the longest timeout and the most memory, and timeouts only where they apply', () => {
    const all = modules();
    const functions = all['function'] ?? [];
    const recompute = functions.find((f) => f['key'] === 'on-recompute');
    expect([
      recompute?.['timeoutSeconds'],
      (recompute?.['runtime'] as { memoryMB?: number } | undefined)?.memoryMB,
    ]).toEqual([900, 1024]);
    // timeoutSeconds only lengthens functions of consumers and scheduled triggers (1-900 s); memoryMB is 128-1024 MB.
    const longRunning = new Set(
      [...(all['consumer'] ?? []), ...(all['scheduledTrigger'] ?? [])].map((m) => m['function']),
    );
    for (const f of functions) {
      const timeout = f['timeoutSeconds'];
      if (timeout !== undefined)
        expect([f['key'], longRunning.has(f['key']), Number(timeout) >= 1 && Number(timeout) <= 900]).toEqual([
          f['key'],
          true,
          true,
        ]);
      const memory = (f['runtime'] as { memoryMB?: number } | undefined)?.memoryMB;
      if (memory !== undefined) expect([f['key'], memory >= 128 && memory <= 1024]).toEqual([f['key'], true]);
    }
    // The 5-minute scheduled trigger must end before the next one starts.
    expect(Number(functions.find((f) => f['key'] === 'on-schedule')?.['timeoutSeconds'])).toBeLessThan(300);
  });

  it('filters the issue trigger to the contract issue types, every default name and alias, keeping ignoreSelf', () => {
    const filter = moduleOf('trigger', 'issue-events')['filter'] as {
      ignoreSelf?: boolean;
      expression?: string;
      onError?: string;
    };
    expect(filter.ignoreSelf).toBe(true);
    const expression = filter.expression ?? '';
    const delivers = (name: string) =>
      evaluateJiraExpression(expression, { event: { issue: { fields: { issuetype: { name } } } } });
    for (const name of Object.values(DEFAULT_ISSUE_TYPES).flat()) {
      expect([name, expression.includes(`"${name.toLowerCase()}"`), delivers(name)]).toEqual([
        name,
        true,
        { ok: true, value: true },
      ]);
    }
    expect(delivers('Story')).toEqual({ ok: true, value: false });
    expect(filter.onError).toBe('RECEIVE_AND_LOG');
  });
});
