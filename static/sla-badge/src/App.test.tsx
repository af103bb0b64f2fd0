/** @jest-environment jsdom */
import { invoke, view } from '@forge/bridge';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { App } from './App';
import { aBadgeView, aClock } from './__fixtures__/views';
import { modalOpened } from './__mocks__/@forge/bridge';

const invokeMock = jest.mocked(invoke);
const getContextMock = jest.mocked(view.getContext);
const H = 3_600_000;

beforeEach(() => {
  invokeMock.mockClear();
  modalOpened.mockClear();
});

const renderBadge = async () => {
  render(<App />);
  return screen.findByTestId('sla-badge');
};

describe('SLA badge (issue 10)', () => {
  it('loads with exactly one sla/getBadge call', async () => {
    await renderBadge();
    expect(invokeMock).toHaveBeenCalledTimes(1);
    expect(invokeMock).toHaveBeenCalledWith('sla/getBadge', {});
  });

  it('shows a running clock in blue: its name, "reste 3 h 20 min" and "échéance le 24/04 à 18:00"', async () => {
    const badge = await renderBadge();
    expect(badge.getAttribute('data-state')).toBe('running');
    expect(badge.getAttribute('data-tone')).toBe('information');
    expect(screen.getByTestId('badge-state').textContent).toBe('En cours');
    expect(screen.getByTestId('badge-clock').textContent).toBe('Résolution');
    expect(screen.getByTestId('badge-time').textContent).toBe('reste 3 h 20 min');
    expect(screen.getByTestId('badge-due').textContent).toBe('échéance le 24/04 à 18:00');
  });

  it('turns amber from 75 % of the target', async () => {
    invokeMock.mockResolvedValueOnce({
      ok: true,
      data: aBadgeView({ clock: aClock({ elapsedMs: 7.5 * H, remainingMs: 2.5 * H }) }),
    });
    const badge = await renderBadge();
    expect(badge.getAttribute('data-tone')).toBe('warning');
    expect(screen.getByTestId('badge-state').textContent).toBe('Bientôt dû');
  });

  it('stays blue just under 75 %', async () => {
    invokeMock.mockResolvedValueOnce({
      ok: true,
      data: aBadgeView({ clock: aClock({ elapsedMs: 7.5 * H - 60_000, remainingMs: 2.5 * H + 60_000 }) }),
    });
    expect((await renderBadge()).getAttribute('data-tone')).toBe('information');
  });

  it('reads a breach in red, late by business days of the calendar: "en retard de 1 j 2 h"', async () => {
    invokeMock.mockResolvedValueOnce({
      ok: true,
      data: aBadgeView({
        state: 'breached',
        clock: aClock({ breached: true, remainingMs: -12 * H - 10 * 60_000, elapsedMs: 22 * H }),
      }),
    });
    const badge = await renderBadge();
    expect(badge.getAttribute('data-tone')).toBe('danger');
    expect(screen.getByTestId('badge-state').textContent).toBe('Dépassé');
    expect(screen.getByTestId('badge-time').textContent).toBe('en retard de 1 j 2 h');
  });

  it('greys a paused clock and says what it waits on, with no due instant', async () => {
    invokeMock.mockResolvedValueOnce({
      ok: true,
      data: aBadgeView({
        state: 'paused',
        clock: aClock({ state: 'paused', pausedBy: 'En attente Administration', dueAt: null }),
      }),
    });
    const badge = await renderBadge();
    expect(badge.getAttribute('data-tone')).toBe('neutral');
    expect(screen.getByTestId('badge-state').textContent).toBe('En pause');
    expect(screen.getByTestId('badge-reason').textContent).toBe('En attente Administration');
    expect(screen.queryByTestId('badge-due')).toBeNull();
  });

  it.each([
    ['met', 'success', 'Délais tenus'],
    ['stopped', 'neutral', 'Horloges arrêtées, hors délai'],
    ['none', 'neutral', 'Aucune horloge SLA sur ce ticket'],
  ] as const)('shows the quiet state %s when nothing counts', async (state, tone, text) => {
    invokeMock.mockResolvedValueOnce({ ok: true, data: aBadgeView({ state, clock: null }) });
    const badge = await renderBadge();
    expect([badge.getAttribute('data-state'), badge.getAttribute('data-tone')]).toEqual([state, tone]);
    expect(screen.getByTestId('badge-quiet').textContent).toBe(text);
    expect(screen.queryByTestId('badge-time')).toBeNull();
  });

  it('speaks English second, per the locale', async () => {
    getContextMock.mockResolvedValueOnce({ locale: 'en-GB', extension: {} } as never);
    await renderBadge();
    await screen.findByText('3 h 20 m left');
    expect(screen.getByTestId('badge-due').textContent).toBe('due 24/04 at 18:00');
  });

  it('opens the full panel (the sla-panel resource) in a modal on click, and reloads when it closes', async () => {
    fireEvent.click(await renderBadge());
    expect(modalOpened).toHaveBeenCalledTimes(1);
    const options = modalOpened.mock.calls[0]?.[0] as { resource: string; onClose: () => void };
    expect(options.resource).toBe('sla-panel');
    expect(invokeMock).toHaveBeenCalledTimes(1);
    await act(async () => options.onClose());
    expect(invokeMock).toHaveBeenCalledTimes(2);
  });

  it('shows a failed reply as an alert', async () => {
    invokeMock.mockResolvedValueOnce({ ok: false, error: { code: 'NOT_FOUND', message: 'DEMAT-42 is not visible' } });
    render(<App />);
    expect((await screen.findByTestId('error')).textContent).toContain('NOT_FOUND');
  });
});
