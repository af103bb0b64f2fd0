// forge lint needs an Atlassian login: the manifest is validated offline with Atlassian's own validator instead.
import path from 'node:path';
import { ProcessorBuilder, ProductTriggerValidationProcessor, ValidationTypes } from '@forge/manifest';

const MANIFEST = path.resolve(__dirname, '../..', 'manifest.yml');
jest.setTimeout(60_000);

type Outcome = { success: boolean; errors?: { message: string; level?: string }[] };
const errorsOf = (outcome: Outcome): string[] => (outcome.errors ?? []).filter((e) => e.level !== 'warning').map((e) => e.message);

describe('manifest.yml', () => {
  it('passes the full validation of @forge/manifest (schema, modules, handlers, resources, scopes)', async () => {
    const outcome = (await ProcessorBuilder.instance().withValidation(ValidationTypes.FULL).build().process(MANIFEST)) as Outcome;
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
