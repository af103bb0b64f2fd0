/** @jest-environment jsdom */
// The settings page's `native` and `warnings` controls (issue 10): French labels, thresholds written as numbers,
// saved with the rest of the document (versioned like every save).
import { invoke } from '@forge/bridge';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { App } from '../App';

const invokeMock = jest.mocked(invoke);
const callsTo = (key: string) => invokeMock.mock.calls.filter(([k]) => k === key);

beforeEach(() => {
  invokeMock.mockClear();
});

describe('settings page: native and warnings (issue 10)', () => {
  it('shows the controls in French and saves thresholds, recipients and the group', async () => {
    render(<App />);
    await screen.findByRole('main');
    const section = screen.getByTestId('section-native');
    expect(within(section).getByRole('heading').textContent).toBe('Intégration Jira et avertissements');
    expect(within(section).getByLabelText(/Écrire la propriété contractSla/)).toBeTruthy();
    expect(within(section).getByLabelText(/Gravité en lecture seule hors Administration/)).toBeTruthy();
    fireEvent.change(within(section).getByLabelText('Seuils (% du délai, 100 = dépassement)'), {
      target: { value: '50, 90, 100' },
    });
    fireEvent.change(within(section).getByLabelText(/Groupe Jira à avertir aussi/), {
      target: { value: 'titulaire-dev' },
    });
    const watchers = within(section).getByLabelText(/Avertir les observateurs/);
    const wasChecked = (watchers as HTMLInputElement).checked;
    fireEvent.click(watchers);
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await screen.findByText(/Réglages enregistrés/);
    expect(callsTo('settings/save')[0]?.[1]).toEqual({
      document: { warnings: { thresholds: [50, 90, 100], group: 'titulaire-dev', notifyWatchers: !wasChecked } },
      expectedVersion: 4,
    });
  });
});
