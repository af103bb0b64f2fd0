/** @jest-environment jsdom */
import { invoke, view } from '@forge/bridge';
import { workflowRules } from '@forge/jira-bridge';
import { act, fireEvent, render, screen } from '@testing-library/react';
import type { AdministrationOnlyConfig, AffectedVersionConfig } from '../../../src/contract';
import { App } from './App';

const invokeMock = jest.mocked(invoke);
const getContextMock = jest.mocked(view.getContext);
const onConfigureMock = jest.mocked(workflowRules.onConfigure);

type Context = Awaited<ReturnType<typeof view.getContext>>;
const contextFor = (moduleKey: string, validatorConfig?: string) =>
  ({
    locale: 'fr-FR',
    moduleKey,
    extension: { type: 'jira:workflowValidator', ...(validatorConfig === undefined ? {} : { validatorConfig }) },
  }) as unknown as Context;

/**
 * Jira's save button: runs the callback the screen registered (inside act, as it updates the screen) and answers
 * what Jira gets: the configuration JSON, or undefined when the screen refuses the save. A callback that throws
 * fails the test: refusing is done by returning undefined (Forge "workflowRules" page, onConfigure).
 */
const pressJiraSave = async (): Promise<string | undefined> => {
  const callback = onConfigureMock.mock.calls.at(-1)?.[0];
  if (!callback) throw new Error('no onConfigure callback registered');
  // The outcome is kept and rethrown after act, which would otherwise drop the updates of a rejected callback.
  let outcome: { readonly answer: string | undefined } | { readonly error: unknown } = { answer: undefined };
  await act(async () => {
    outcome = await Promise.resolve()
      .then(callback)
      .then(
        (answer: string | undefined) => ({ answer }),
        (error: unknown) => ({ error }),
      );
  });
  if ('error' in outcome) throw outcome.error;
  return outcome.answer;
};

beforeEach(() => {
  invokeMock.mockClear();
  onConfigureMock.mockClear();
});

describe('validator configuration', () => {
  it('loads the options with one validators/getOptions call and registers the save callback', async () => {
    render(<App />);
    await screen.findByRole('main');
    expect(invokeMock).toHaveBeenCalledTimes(1);
    expect(invokeMock).toHaveBeenCalledWith('validators/getOptions', {});
    expect(onConfigureMock).toHaveBeenCalledTimes(1);
  });

  it('returns the built configuration JSON from the onConfigure callback', async () => {
    const built: AdministrationOnlyConfig = {
      kind: 'administration-only',
      group: 'administration-demat',
      transitionIds: ['31', '41'],
      guardSeverity: true,
      severityFieldId: 'customfield_10100',
    };
    render(<App />);
    expect((await screen.findByRole('heading')).textContent).toBe('Transition réservée à l’Administration');
    expect((screen.getByLabelText('Groupe autorisé') as HTMLSelectElement).value).toBe('administration-demat');
    fireEvent.change(screen.getByLabelText('Identifiants des transitions gardées'), { target: { value: '31, 41' } });
    invokeMock.mockResolvedValueOnce({ ok: true, data: built });
    await expect(pressJiraSave()).resolves.toBe(JSON.stringify(built));
    expect(invokeMock).toHaveBeenLastCalledWith('validators/buildConfig', {
      kind: 'administration-only',
      group: 'administration-demat',
      transitionIds: ['31', '41'],
      guardSeverity: true,
      severityFieldId: 'customfield_10100',
    });
  });

  it('shows a buildConfig error and returns undefined so Jira saves nothing and keeps the screen open', async () => {
    render(<App />);
    await screen.findByRole('main');
    invokeMock.mockResolvedValueOnce({
      ok: false,
      error: { code: 'BAD_REQUEST', message: 'group "x" does not exist' },
    });
    await expect(pressJiraSave()).resolves.toBeUndefined();
    expect((await screen.findByTestId('error')).textContent).toMatch(
      /n’a pas pu être enregistrée.*group "x" does not exist/,
    );
  });

  it('shows the problems the server names next to their fields', async () => {
    getContextMock.mockResolvedValueOnce(contextFor('affected-version-validator'));
    render(<App />);
    await screen.findByRole('main');
    invokeMock.mockResolvedValueOnce({
      ok: false,
      error: {
        code: 'BAD_REQUEST',
        message: 'the validator configuration is invalid',
        problems: [{ path: 'environmentFieldId', message: 'expected a custom field id such as customfield_10100' }],
      },
    });
    await expect(pressJiraSave()).resolves.toBeUndefined();
    const select = screen.getByLabelText('Champ d’environnement de détection');
    expect(select.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(select.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'expected a custom field id such as customfield_10100',
    );
  });

  it('saves once the problem is fixed, after a refused save, and clears the error', async () => {
    render(<App />);
    await screen.findByRole('main');
    fireEvent.change(screen.getByLabelText('Identifiants des transitions gardées'), { target: { value: 'Valider' } });
    await expect(pressJiraSave()).resolves.toBeUndefined();
    expect(screen.queryByTestId('error')).not.toBeNull();
    fireEvent.change(screen.getByLabelText('Identifiants des transitions gardées'), { target: { value: '51' } });
    const saved = await pressJiraSave();
    expect(saved === undefined ? null : JSON.parse(saved)).toMatchObject({
      kind: 'administration-only',
      transitionIds: ['51'],
    });
    expect(screen.queryByTestId('error')).toBeNull();
  });

  it('sends the default anomaly issue types of a new affected-version validator', async () => {
    getContextMock.mockResolvedValueOnce(contextFor('affected-version-validator'));
    render(<App />);
    await screen.findByRole('main');
    await pressJiraSave();
    expect(invokeMock).toHaveBeenLastCalledWith('validators/buildConfig', {
      kind: 'affected-version-required',
      environmentFieldId: 'customfield_10101',
      anomalyIssueTypes: ['Anomalie', 'Anomaly', 'Bug'],
    });
  });

  it('refuses transition ids that are not numbers without calling the server', async () => {
    render(<App />);
    await screen.findByRole('main');
    fireEvent.change(screen.getByLabelText('Identifiants des transitions gardées'), {
      target: { value: '31, Valider' },
    });
    await expect(pressJiraSave()).resolves.toBeUndefined();
    expect(
      await screen.findByText('Un identifiant de transition est un nombre : « Valider » n’en est pas un.'),
    ).toBeTruthy();
    expect(invokeMock).toHaveBeenCalledTimes(1);
  });

  it('configures the severity validator with the app severity field by default', async () => {
    getContextMock.mockResolvedValueOnce(contextFor('severity-required-validator'));
    render(<App />);
    expect((await screen.findByRole('heading')).textContent).toBe('Gravité obligatoire');
    expect((screen.getByLabelText('Champ de gravité') as HTMLSelectElement).value).toBe('customfield_10100');
    await pressJiraSave();
    expect(invokeMock).toHaveBeenLastCalledWith('validators/buildConfig', {
      kind: 'severity-required',
      severityFieldId: 'customfield_10100',
    });
  });

  it('starts from the saved configuration on the edit screen', async () => {
    const saved: AffectedVersionConfig = {
      kind: 'affected-version-required',
      environmentFieldId: 'customfield_10200',
      anomalyIssueTypes: ['Bug', 'Anomalie'],
      expression: 'true',
    };
    getContextMock.mockResolvedValueOnce(contextFor('some-other-key', JSON.stringify(saved)));
    render(<App />);
    expect((await screen.findByRole('heading')).textContent).toBe('Version affectée obligatoire en production');
    expect((screen.getByLabelText('Champ d’environnement de détection') as HTMLSelectElement).value).toBe(
      'customfield_10200',
    );
    expect((screen.getByLabelText('Types de tickets « anomalie »') as HTMLInputElement).value).toBe('Bug, Anomalie');
  });

  it('shows the saved configuration read only on the view screen', async () => {
    const saved = JSON.stringify({
      kind: 'severity-required',
      severityFieldId: 'customfield_10100',
      expression: 'true',
    });
    getContextMock.mockResolvedValueOnce({
      locale: 'fr-FR',
      moduleKey: 'severity-required-validator',
      extension: { entryPoint: 'view', validatorConfig: saved },
    } as unknown as Context);
    render(<App />);
    await screen.findByRole('main');
    expect(screen.getByLabelText('Champ de gravité').matches(':disabled')).toBe(true);
  });

  it('says which module it cannot configure', async () => {
    getContextMock.mockResolvedValueOnce(contextFor('unknown-module'));
    render(<App />);
    expect((await screen.findByTestId('error')).textContent).toContain('unknown-module');
  });
});
