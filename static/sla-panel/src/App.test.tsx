/** @jest-environment jsdom */
import { invoke, view } from '@forge/bridge';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { App } from './App';
import { aPanelView, anIssue, breachedWorkaround, pausedResolution } from './__fixtures__/views';

const invokeMock = jest.mocked(invoke);
const getContextMock = jest.mocked(view.getContext);

beforeEach(() => {
  invokeMock.mockClear();
});

const renderPanel = async () => {
  render(<App />);
  return screen.findByRole('main');
};

describe('issue panel', () => {
  it('loads the view with one sla/getIssueSla call', async () => {
    await renderPanel();
    expect(invokeMock).toHaveBeenCalledTimes(1);
    expect(invokeMock).toHaveBeenCalledWith('sla/getIssueSla', {});
  });

  it('shows the loading state until the reply arrives', async () => {
    render(<App />);
    expect(screen.getByTestId('loading').textContent).toContain('Calcul des délais');
    await screen.findByRole('main');
  });

  it('renders a breached clock with a red bar and the overrun', async () => {
    invokeMock.mockResolvedValueOnce({
      ok: true,
      data: aPanelView({ slaStatus: 'breached', issue: anIssue({ clocks: [breachedWorkaround, pausedResolution] }) }),
    });
    await renderPanel();
    const clock = screen.getByTestId('clock-workaround');
    expect(within(clock).getByTestId('remaining').textContent).toBe('Dépassé de 2 h');
    expect(within(clock).getByTestId('elapsed').textContent).toBe('6 h');
    expect(within(clock).getByTestId('target').textContent).toContain('4 h ouvrées');
    const bar = within(clock).getByRole('progressbar');
    expect(bar.getAttribute('data-tone')).toBe('danger');
    expect(bar.getAttribute('aria-valuenow')).toBe('100');
    expect(bar.getAttribute('aria-valuetext')).toBe('150\u00a0% de la cible (6 h sur 4 h)');
    expect((bar.firstElementChild as HTMLElement).style.backgroundColor).toBe(
      'var(--ds-background-danger-bold, #C9372C)',
    );
    expect(screen.getByTestId('sla-status').textContent).toBe('Dépassé');
  });

  it('renders a paused clock with its paused and remaining time', async () => {
    invokeMock.mockResolvedValueOnce({
      ok: true,
      data: aPanelView({ slaStatus: 'paused', issue: anIssue({ clocks: [pausedResolution] }) }),
    });
    await renderPanel();
    const clock = screen.getByTestId('clock-resolution');
    expect(within(clock).getByTestId('state').textContent).toBe('en pause');
    expect(within(clock).getByTestId('elapsed').textContent).toBe('3 h 20 min');
    expect(within(clock).getByTestId('paused').textContent).toBe('1 h 30 min');
    expect(within(clock).getByTestId('remaining').textContent).toBe('6 h 40 min');
    expect(within(clock).getByTestId('due').textContent).toBe('ven. 13 mars 2026, 11:10');
    expect(within(clock).getByTestId('target').textContent).toContain('1 jour ouvré (10 h)');
    expect(within(clock).getByRole('progressbar').getAttribute('data-tone')).toBe('information');
    expect(screen.getByTestId('sla-status').textContent).toBe('En pause');
  });

  it('turns the bar amber from 75 % of the target', async () => {
    const clock = { ...pausedResolution, state: 'running' as const, elapsedMs: 27_000_000, remainingMs: 9_000_000 };
    invokeMock.mockResolvedValueOnce({ ok: true, data: aPanelView({ issue: anIssue({ clocks: [clock] }) }) });
    await renderPanel();
    expect(within(screen.getByTestId('clock-resolution')).getByRole('progressbar').getAttribute('data-tone')).toBe(
      'warning',
    );
  });

  it('explains the segments and the requalifications of a clock', async () => {
    invokeMock.mockResolvedValueOnce({
      ok: true,
      data: aPanelView({ issue: anIssue({ clocks: [breachedWorkaround] }) }),
    });
    await renderPanel();
    const clock = screen.getByTestId('clock-workaround');
    const rows = within(within(clock).getByTestId('segments')).getAllByRole('row');
    expect(rows).toHaveLength(3); // header + two segments
    expect(rows[1]?.textContent).toContain('mer. 11 mars 2026, 14:00');
    expect(rows[1]?.textContent).toContain('4 h');
    expect(within(clock).getByTestId('requalifications').textContent).toContain('Majeure → Bloquante');
  });

  it('names the anomaly class with its reason and the end of the validation window', async () => {
    await renderPanel();
    const text = screen.getByTestId('anomaly-class').textContent ?? '';
    expect(text).toContain('Anomalie de production');
    expect(text).toContain('fin de VSR (jeu. 5 mars 2026)');
    expect(text).toContain('version 2.3.0 livrée le lun. 5 janvier 2026');
  });

  it('shows the target of a next-sprint clock with its sprint and due date', async () => {
    const clock = {
      ...pausedResolution,
      state: 'running' as const,
      target: { label: 'next-sprint', sprint: { name: 'Sprint 12', dueAt: '2026-03-27T18:00:00.000+01:00' } },
    };
    invokeMock.mockResolvedValueOnce({ ok: true, data: aPanelView({ issue: anIssue({ clocks: [clock] }) }) });
    await renderPanel();
    expect(screen.getByTestId('target').textContent).toContain(
      'Sprint suivant : Sprint 12, échéance ven. 27 mars 2026, 18:00',
    );
  });

  it('translates known warnings and falls back to the server message', async () => {
    const warnings = [
      { code: 'SEVERITY_MISSING', message: 'The issue has no severity' },
      { code: 'SOMETHING_NEW', message: 'A warning the panel does not know yet' },
    ];
    invokeMock.mockResolvedValueOnce({ ok: true, data: aPanelView({ issue: anIssue({ warnings }) }) });
    await renderPanel();
    const items = within(screen.getByTestId('warnings')).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'La gravité n’est pas renseignée : les délais courent sans cible.',
      'A warning the panel does not know yet',
    ]);
  });

  it('shows the NOT_FOUND error in French as an alert', async () => {
    invokeMock.mockResolvedValueOnce({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'issue DEM-42 does not exist or is not visible to you' },
    });
    render(<App />);
    const alert = await screen.findByRole('alert');
    expect(alert.getAttribute('data-testid')).toBe('error');
    expect(alert.textContent).toContain('Ce ticket n’est pas visible pour vous ou n’existe plus.');
  });

  it('turns a bridge failure into the internal error message', async () => {
    invokeMock.mockRejectedValueOnce(new Error('network down'));
    render(<App />);
    expect((await screen.findByTestId('error')).textContent).toContain('erreur interne');
  });

  it('calls the resolver again when Recalculer is pressed', async () => {
    await renderPanel();
    invokeMock.mockResolvedValueOnce({ ok: true, data: aPanelView({ slaStatus: 'met' }) });
    fireEvent.click(screen.getByRole('button', { name: 'Recalculer' }));
    expect(await screen.findByText('Respecté')).toBeTruthy();
    expect(invokeMock).toHaveBeenCalledTimes(2);
  });

  it('speaks English when the Forge locale is English', async () => {
    getContextMock.mockResolvedValueOnce({ locale: 'en-US', moduleKey: 'sla-panel', extension: {} } as Awaited<
      ReturnType<typeof view.getContext>
    >);
    invokeMock.mockResolvedValueOnce({
      ok: true,
      data: aPanelView({ issue: anIssue({ clocks: [breachedWorkaround] }) }),
    });
    render(<App />);
    expect(await screen.findByText('Breached by 2 h')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Refresh' })).toBeTruthy();
  });
});
