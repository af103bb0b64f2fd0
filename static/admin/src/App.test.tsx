/** @jest-environment jsdom */
import { invoke } from '@forge/bridge';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from './App';
import { aSettingsView } from './__fixtures__/settings';

const invokeMock = jest.mocked(invoke);

beforeEach(() => {
  invokeMock.mockClear();
});

const callsTo = (key: string) => invokeMock.mock.calls.filter(([k]) => k === key);

/** Answers settings/check with these problems (other keys keep their canned replies). */
const checkFinds = (problems: readonly { path: string; message: string }[]) => {
  const fallback = invokeMock.getMockImplementation();
  invokeMock.mockImplementation(async (key, payload) =>
    key === 'settings/check' ? { ok: true, data: { problems, holidays: {} } } : fallback?.(key, payload),
  );
  return () => invokeMock.mockImplementation(fallback);
};

const renderAdmin = async () => {
  render(<App />);
  return screen.findByRole('main');
};

describe('admin page', () => {
  it('loads the settings with one settings/get call and shows version and author', async () => {
    await renderAdmin();
    expect(callsTo('settings/get')).toHaveLength(1);
    expect(invokeMock).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('meta').textContent).toBe(
      'Version 4 · Modifiée le lun. 2 mars 2026, 10:15 par Claire Martin',
    );
  });

  it('shows the defaults as placeholders and writes only the keys the user changed', async () => {
    await renderAdmin();
    const vsr = screen.getByLabelText('Durée de la VSR (mois après la livraison)') as HTMLInputElement;
    expect(vsr.value).toBe('');
    expect(vsr.placeholder).toBe('2');
    fireEvent.change(vsr, { target: { value: '3' } });
    const cell = screen.getByTestId('field-targets.anomaly.blocking.workaround') as HTMLInputElement;
    expect(cell.placeholder).toBe('4h');
    fireEvent.change(cell, { target: { value: '2h' } });
    expect(JSON.parse((screen.getByTestId('advanced-json') as HTMLTextAreaElement).value)).toEqual({
      vsrMonths: 3,
      targets: { anomaly: { blocking: { workaround: '2h' } } },
    });
  });

  it('checks the document about 400 ms after the last change', async () => {
    await renderAdmin();
    const group = screen.getByLabelText('Groupe de l’Administration');
    fireEvent.change(group, { target: { value: 'adm' } });
    fireEvent.change(group, { target: { value: 'administration' } });
    expect(callsTo('settings/check')).toHaveLength(0);
    await waitFor(() => expect(callsTo('settings/check')).toHaveLength(1));
    expect(callsTo('settings/check')[0]?.[1]).toEqual({ document: { administrationGroup: 'administration' } });
  });

  it('shows a problem returned by settings/check next to its field', async () => {
    const restore = checkFinds([
      { path: 'calendars.standard.week.mon[0]', message: '"8h-18h" is not a working range: write HH:MM-HH:MM' },
      { path: 'colour', message: 'unknown setting "colour" (check its spelling)' },
    ]);
    try {
      await renderAdmin();
      fireEvent.change(screen.getByTestId('field-calendars.standard.week.mon'), { target: { value: '8h-18h' } });
      const problems = await screen.findByTestId('problems-calendars.standard.week.mon');
      expect(problems.textContent).toContain('is not a working range');
      expect(screen.getByTestId('field-calendars.standard.week.mon').getAttribute('aria-invalid')).toBe('true');
      expect(within(screen.getByTestId('problems')).getByText(/colour/).textContent).toContain('unknown setting');
      // the calendar is written whole: the server replaces a calendar as a whole
      const document = JSON.parse((screen.getByTestId('advanced-json') as HTMLTextAreaElement).value);
      expect(document.calendars.standard.week.mon).toEqual(['8h-18h']);
      expect(document.calendars.standard.dayLength).toBe('10h');
    } finally {
      restore();
    }
  });

  it('saves with the loaded version and shows the new one', async () => {
    await renderAdmin();
    fireEvent.change(screen.getByLabelText('Durée de la VSR (mois après la livraison)'), { target: { value: '3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText(/Réglages enregistrés \(version 5\)/)).toBeTruthy();
    expect(callsTo('settings/save')[0]?.[1]).toEqual({ document: { vsrMonths: 3 }, expectedVersion: 4 });
    expect(screen.getByTestId('version').textContent).toBe('Version 5');
  });

  it('tells the user to reload when the save meets a CONFLICT', async () => {
    await renderAdmin();
    fireEvent.change(screen.getByLabelText('Durée de la VSR (mois après la livraison)'), { target: { value: '3' } });
    invokeMock.mockResolvedValueOnce({
      ok: false,
      error: { code: 'CONFLICT', message: 'settings version 5 is newer than 4' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    const alert = await screen.findByTestId('save-error');
    expect(alert.textContent).toContain('Les réglages ont été modifiés par quelqu’un d’autre');
    invokeMock.mockResolvedValueOnce({ ok: true, data: aSettingsView({ version: 5, document: { vsrMonths: 6 } }) });
    fireEvent.click(within(alert).getByRole('button', { name: /Recharger/ }));
    await waitFor(() => expect(screen.getByTestId('version').textContent).toBe('Version 5'));
    expect((screen.getByLabelText('Durée de la VSR (mois après la livraison)') as HTMLInputElement).value).toBe('6');
  });

  it('shows the problems of an INVALID_SETTINGS save next to their fields', async () => {
    await renderAdmin();
    // Answered by key, not by order: the ~400 ms settings/check may run before or after the save on a loaded machine.
    const fallback = invokeMock.getMockImplementation();
    invokeMock.mockImplementation(async (key, payload) =>
      key === 'settings/save'
        ? {
            ok: false,
            error: {
              code: 'INVALID_SETTINGS',
              message: 'invalid',
              problems: [{ path: 'vsrMonths', message: 'Too big: expected number to be <=24' }],
            },
          }
        : fallback?.(key, payload),
    );
    try {
      fireEvent.change(screen.getByLabelText('Durée de la VSR (mois après la livraison)'), { target: { value: '30' } });
      fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
      expect((await screen.findByTestId('problems-vsrMonths')).textContent).toContain('expected number to be <=24');
      expect(screen.getByTestId('save-error').textContent).toContain('corrigez les problèmes signalés');
    } finally {
      invokeMock.mockImplementation(fallback);
    }
  });

  it('says FORBIDDEN saves are reserved to Jira administrators', async () => {
    await renderAdmin();
    fireEvent.change(screen.getByLabelText('Durée de la VSR (mois après la livraison)'), { target: { value: '3' } });
    invokeMock.mockResolvedValueOnce({ ok: false, error: { code: 'FORBIDDEN', message: 'not a Jira administrator' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect((await screen.findByTestId('save-error')).textContent).toContain('Réservé aux administrateurs Jira');
  });

  it('is read only with a message when the user cannot edit', async () => {
    invokeMock.mockResolvedValueOnce({ ok: true, data: aSettingsView({ canEdit: false }) });
    await renderAdmin();
    expect(screen.getByTestId('read-only').textContent).toContain('Lecture seule');
    expect((screen.getByLabelText('Durée de la VSR (mois après la livraison)') as HTMLInputElement).disabled).toBe(
      true,
    );
    expect(screen.queryByRole('button', { name: 'Enregistrer' })).toBeNull();
  });

  it('previews the next holidays of each calendar', async () => {
    await renderAdmin();
    expect(screen.getByTestId('holidays-standard').textContent).toContain('lun. 6 avril 2026 — Lundi de Pâques');
  });

  it('keeps the holiday preview when a check with problems returns none', async () => {
    const restore = checkFinds([{ path: 'calendars.standard.dayLength', message: '"x" is not a day length' }]);
    try {
      await renderAdmin();
      fireEvent.change(screen.getByTestId('field-calendars.standard.dayLength'), { target: { value: 'x' } });
      expect((await screen.findByTestId('problems-calendars.standard.dayLength')).textContent).toContain(
        'is not a day length',
      );
      expect(screen.getByTestId('holidays-standard').textContent).toContain('Lundi de Pâques');
    } finally {
      restore();
    }
  });

  it('replaces the document from valid JSON and reports invalid JSON', async () => {
    await renderAdmin();
    const json = screen.getByTestId('advanced-json');
    fireEvent.change(json, { target: { value: '{"vsrMonths": 4}' } });
    expect((screen.getByLabelText('Durée de la VSR (mois après la livraison)') as HTMLInputElement).value).toBe('4');
    fireEvent.change(json, { target: { value: '{"vsrMonths": ' } });
    expect(screen.getByText(/JSON invalide/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Enregistrer' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('edits a status list starting from the default list', async () => {
    await renderAdmin();
    const list = screen.getByTestId('field-statuses.closed');
    fireEvent.change(within(list).getByLabelText('Ajouter à « Fermé »'), { target: { value: 'Abandonnée' } });
    fireEvent.click(within(list).getByRole('button', { name: 'Ajouter' }));
    expect(JSON.parse((screen.getByTestId('advanced-json') as HTMLTextAreaElement).value)).toEqual({
      statuses: { closed: ['Fermée', 'Abandonnée'] },
    });
  });

  it('writes null for a target emptied by the user (not applicable)', async () => {
    await renderAdmin();
    const cell = screen.getByTestId('field-targets.incident.gold.minor');
    fireEvent.change(cell, { target: { value: '3d' } });
    fireEvent.change(cell, { target: { value: '' } });
    expect(cell.getAttribute('data-state')).toBe('not-applicable');
    expect(JSON.parse((screen.getByTestId('advanced-json') as HTMLTextAreaElement).value)).toEqual({
      targets: { incident: { gold: { minor: null } } },
    });
  });

  it('shows the settings/get error as an alert', async () => {
    invokeMock.mockResolvedValueOnce({ ok: false, error: { code: 'INTERNAL', message: 'kvs down' } });
    render(<App />);
    expect((await screen.findByRole('alert')).textContent).toContain('Une erreur interne est survenue');
  });
});
