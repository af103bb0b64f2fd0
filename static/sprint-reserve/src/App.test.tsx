/** @jest-environment jsdom */
import { invoke, view } from '@forge/bridge';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { App } from './App';
import {
  aBoardView,
  aDeveloperView,
  aReport,
  aSprint,
  closedGivenBack,
  closedOverCap,
  futureSprint,
} from './__fixtures__/board';

const invokeMock = jest.mocked(invoke);
const getContextMock = jest.mocked(view.getContext);

type Context = Awaited<ReturnType<typeof view.getContext>>;

beforeEach(() => {
  invokeMock.mockClear();
  getContextMock.mockClear();
});

const NBSP = '\u00a0';
const pts = (text: string) => `${text}${NBSP}pts`;
const text = (testId: string, container: HTMLElement = document.body) =>
  within(container).getByTestId(testId).textContent;
const callsTo = (key: string) => invokeMock.mock.calls.filter(([k]) => k === key);

const renderPage = async () => {
  render(<App />);
  return screen.findByRole('main');
};

const showSprint = (sprintId: number) =>
  fireEvent.change(screen.getByTestId('sprint-select'), { target: { value: String(sprintId) } });

const typeReserve = (value: string) => fireEvent.change(screen.getByTestId('reserve-input'), { target: { value } });

describe('sprint reserve page: loading', () => {
  it('loads the board with one capacity/getBoard call and no sprint on the project page', async () => {
    await renderPage();
    expect(invokeMock).toHaveBeenCalledTimes(1);
    expect(invokeMock).toHaveBeenCalledWith('capacity/getBoard', {});
    expect(text('board')).toBe('Tableau « DEM Scrum » · projet DEM');
  });

  it('passes the sprint of a sprint action and shows the sprint the reply focuses', async () => {
    getContextMock.mockResolvedValueOnce({
      locale: 'fr-FR',
      extension: { type: 'jira:sprintAction', sprint: { id: 11 }, board: { id: 7 } },
    } as unknown as Context);
    invokeMock.mockResolvedValueOnce({ ok: true, data: aBoardView({ focusSprintId: 11 }) });
    await renderPage();
    expect(invokeMock).toHaveBeenCalledWith('capacity/getBoard', { sprintId: 11 });
    expect(screen.getByRole('heading', { level: 2, name: 'Sprint 11' })).toBeTruthy();
    expect((screen.getByTestId('sprint-select') as HTMLSelectElement).value).toBe('11');
  });

  it('shows the loading state until the reply arrives', async () => {
    render(<App />);
    expect(screen.getByTestId('loading').textContent).toContain('Calcul de la réserve des sprints');
    await screen.findByRole('main');
  });

  it('shows a failed load as an alert and loads again on Réessayer', async () => {
    invokeMock.mockResolvedValueOnce({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'project DEM is not visible to you' },
    });
    render(<App />);
    const alert = await screen.findByRole('alert');
    expect(alert.getAttribute('data-testid')).toBe('error');
    expect(alert.textContent).toContain('Ce projet ou ce sprint est introuvable, ou n’est pas visible pour vous.');
    fireEvent.click(within(alert).getByRole('button', { name: 'Réessayer' }));
    await screen.findByRole('main');
    expect(callsTo('capacity/getBoard')).toHaveLength(2);
  });

  it('turns a bridge failure into the internal error message', async () => {
    invokeMock.mockRejectedValueOnce(new Error('network down'));
    render(<App />);
    expect((await screen.findByTestId('error')).textContent).toContain('erreur interne');
  });

  it('says so when the project has no board', async () => {
    invokeMock.mockResolvedValueOnce({
      ok: true,
      data: aBoardView({ board: null, report: null, focusSprintId: null }),
    });
    await renderPage();
    expect(text('no-board')).toContain('Aucun tableau Scrum');
    expect(screen.queryByTestId('sprint-select')).toBeNull();
  });
});

describe('sprint reserve page: the sprint shown', () => {
  it('shows an overflow in red with the stories to move out, least important first', async () => {
    await renderPage();
    expect(text('gauge-capacity')).toBe(pts('40'));
    expect(text('gauge-reserve')).toBe(pts('8'));
    expect(text('gauge-consumed')).toBe(pts('8'));
    expect(text('gauge-left')).toBe(pts('0'));
    const overflow = screen.getByTestId('gauge-overflow');
    expect(overflow.textContent).toBe(pts('3'));
    expect(overflow.getAttribute('data-tone')).toBe('danger');
    expect(overflow.className).toContain('csla-text-danger');
    expect(screen.queryByTestId('gauge-given-back')).toBeNull();
    const bar = screen.getByTestId('reserve-bar');
    expect(bar.getAttribute('aria-label')).toBe(
      `Réserve : ${pts('8')}, Consommé : ${pts('8')}, Reste : ${pts('0')}, Dépassement : ${pts('3')}`,
    );
    expect((bar.querySelector('[data-part="overflow"]') as HTMLElement).style.backgroundColor).toBe(
      'var(--ds-background-danger-bold, #C9372C)',
    );

    const candidates = screen.getByTestId('move-out-candidates');
    expect(text('move-out-sentence', candidates)).toBe(
      `Stories à sortir du sprint, moins prioritaires d’abord : elles couvrent le dépassement de ${pts('3')}.`,
    );
    expect(
      within(candidates)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['DEM-140', 'DEM-138']);
    expect(within(candidates).queryByTestId('uncovered-overflow')).toBeNull();
  });

  it('renders an unused reserve given back on a closed sprint, without a new call', async () => {
    await renderPage();
    showSprint(10);
    expect(screen.getByRole('heading', { level: 2, name: 'Sprint 10' })).toBeTruthy();
    expect(text('gauge-reserve')).toBe(pts('6'));
    expect(text('gauge-consumed')).toBe(pts('3'));
    expect(text('gauge-left')).toBe(pts('3'));
    expect(text('gauge-given-back')).toBe(pts('3'));
    expect(screen.queryByTestId('gauge-overflow')).toBeNull();
    expect(screen.queryByTestId('move-out-candidates')).toBeNull();
    expect(screen.getByTestId('reserve-bar').querySelector('[data-part="given-back"]')).not.toBeNull();
    expect(text('reserve-source')).toBe('Réserve par défaut : 15\u00a0% de la capacité engagée.');
    expect(text('sprint-state')).toBe('terminé');
    expect(invokeMock).toHaveBeenCalledTimes(1);
  });

  it('names the part of the overflow the stories not started cannot cover', async () => {
    const sprint = aSprint({ moveOutCandidates: ['DEM-140'], uncoveredOverflow: 1.5 });
    invokeMock.mockResolvedValueOnce({
      ok: true,
      data: aBoardView({ report: aReport({ sprints: [closedGivenBack, closedOverCap, sprint, futureSprint] }) }),
    });
    await renderPage();
    const candidates = screen.getByTestId('move-out-candidates');
    expect(text('move-out-sentence', candidates)).toContain('elles ne couvrent qu’une partie du dépassement de');
    expect(text('uncovered-overflow', candidates)).toBe(`Non couvert par les stories non commencées : ${pts('1,5')}`);
  });

  it('reports the validation effort above the cap as the contractor’s charge, in red', async () => {
    invokeMock.mockResolvedValueOnce({ ok: true, data: aBoardView({ focusSprintId: 11 }) });
    await renderPage();
    expect(text('validation-effort')).toBe(pts('5'));
    expect(text('validation-cap')).toBe(pts('3,75'));
    const overCap = screen.getByTestId('over-cap');
    expect(overCap.textContent).toBe(`${pts('1,25')} à la charge du Titulaire`);
    expect(overCap.getAttribute('data-tone')).toBe('danger');
    expect(screen.getByTestId('validation').textContent).toContain(
      `10\u00a0% de l’effort total du sprint (${pts('37,5')})`,
    );
    const part = screen.getByTestId('validation-bar').querySelector('[data-part="over-cap"]') as HTMLElement;
    expect(part.style.backgroundColor).toBe('var(--ds-background-danger-bold, #C9372C)');
    expect(screen.queryByTestId('within-cap')).toBeNull();
  });

  it('says the validation effort stays within the cap when it does', async () => {
    await renderPage();
    expect(text('validation-effort')).toBe(pts('2'));
    expect(text('validation-cap')).toBe(pts('5,1'));
    expect(screen.queryByTestId('over-cap')).toBeNull();
    expect(screen.getByTestId('within-cap')).toBeTruthy();
  });

  it('lists the issues that consumed the reserve with their effort, source, arrival and reason', async () => {
    await renderPage();
    const rows = within(screen.getByTestId('consumers')).getAllByRole('row');
    expect(rows).toHaveLength(3); // header + two consumers
    expect(Array.from(rows[1]?.children ?? []).map((cell) => cell.textContent)).toEqual([
      'DEM-130',
      pts('5'),
      'estimation',
      'mer. 4 mars 2026, 10:15',
      'Anomalie bloquante de production',
    ]);
    expect(rows[2]?.textContent).toContain('temps saisi');
    expect(rows[2]?.textContent).toContain('Urgence (faille de sécurité, panne d’infrastructure)');
  });

  it('shows predictability and productivity with the figures they come from', async () => {
    await renderPage();
    expect(text('predictability')).toBe(`50\u00a0% (${pts('20')} faits sur ${pts('40')} prévus, hors réserve)`);
    expect(text('productivity')).toBe(`0,25\u00a0pts/h (${pts('20')} faits pour 80\u00a0h de temps saisi)`);
    showSprint(13);
    expect(text('predictability')).toBe(`non calculable (${pts('0')} faits sur ${pts('30')} prévus)`);
    expect(text('forecast')).toContain('Sprint non commencé');
  });

  it('says where the Product Owner’s reserve comes from (an older entry without a name shows the account id)', async () => {
    await renderPage();
    expect(text('reserve-source')).toBe(
      'Réserve fixée pour ce sprint par 5b10ac8d82e05b22cc7d4e02 le lun. 2 mars 2026, 08:30.',
    );
  });

  it('names who set the reserve when the server recorded their name', async () => {
    invokeMock.mockResolvedValueOnce({
      ok: true,
      data: aBoardView({
        reserves: {
          '12': {
            value: 8,
            setBy: '5b10ac8d82e05b22cc7d4e02',
            setByName: 'Sophie Bernard',
            setAt: '2026-03-02T08:30:00.000+01:00',
          },
        },
      }),
    });
    await renderPage();
    expect(text('reserve-source')).toBe('Réserve fixée pour ce sprint par Sophie Bernard le lun. 2 mars 2026, 08:30.');
  });

  it('translates the sprint’s warnings and names their issue', async () => {
    await renderPage();
    const items = within(screen.getByTestId('warnings')).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'DEM-131 : sans estimation : son temps saisi compte à la place.',
    ]);
  });
});

describe('sprint reserve page: setting the reserve', () => {
  it('lets the Product Owner set a reserve and renders the board the server returns', async () => {
    await renderPage();
    const input = screen.getByTestId('reserve-input') as HTMLInputElement;
    expect(input.value).toBe('8');
    expect(screen.getByLabelText('Réserve du sprint (pts)')).toBe(input);
    typeReserve('12,5');
    fireEvent.click(screen.getByTestId('reserve-save'));
    expect(await screen.findByText('Réserve enregistrée.')).toBeTruthy();
    expect(invokeMock).toHaveBeenLastCalledWith('capacity/setReserve', { sprintId: 12, reserve: 12.5 });
    expect(invokeMock).toHaveBeenCalledTimes(2);
    expect(text('gauge-reserve')).toBe(pts('12,5'));
    expect(text('gauge-consumed')).toBe(pts('11'));
    expect(text('gauge-left')).toBe(pts('1,5'));
    expect(screen.queryByTestId('gauge-overflow')).toBeNull();
    expect(screen.queryByTestId('move-out-candidates')).toBeNull();
    expect(text('reserve-source')).toBe('Réserve fixée pour ce sprint par vous le mer. 11 mars 2026, 14:05.');
    expect((screen.getByTestId('reserve-input') as HTMLInputElement).value).toBe('12,5');
    expect((screen.getByTestId('sprint-select') as HTMLSelectElement).value).toBe('12');
  });

  it('goes back to the default rate by sending a null reserve', async () => {
    await renderPage();
    fireEvent.click(screen.getByTestId('reserve-reset'));
    expect(await screen.findByText('Le sprint reprend le taux par défaut.')).toBeTruthy();
    expect(invokeMock).toHaveBeenLastCalledWith('capacity/setReserve', { sprintId: 12, reserve: null });
    expect(text('gauge-reserve')).toBe(pts('6'));
    expect(text('reserve-source')).toBe('Réserve par défaut : 15\u00a0% de la capacité engagée.');
    expect((screen.getByTestId('reserve-reset') as HTMLButtonElement).disabled).toBe(true);
  });

  it('sets the reserve of a future sprint too', async () => {
    await renderPage();
    showSprint(13);
    typeReserve('0');
    fireEvent.click(screen.getByTestId('reserve-save'));
    await screen.findByText('Réserve enregistrée.');
    expect(invokeMock).toHaveBeenLastCalledWith('capacity/setReserve', { sprintId: 13, reserve: 0 });
  });

  it('refuses a reserve that is not a number ≥ 0 without calling the server', async () => {
    await renderPage();
    typeReserve('-2');
    fireEvent.click(screen.getByTestId('reserve-save'));
    const input = screen.getByTestId('reserve-input');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(text('reserve-invalid')).toBe('Saisissez un nombre positif ou nul (par exemple 7,5).');
    expect(input.getAttribute('aria-describedby')).toContain('csla-reserve-problem');
    expect(callsTo('capacity/setReserve')).toHaveLength(0);
  });

  it('shows a developer the read-only sentence and no input', async () => {
    invokeMock.mockResolvedValueOnce({ ok: true, data: aDeveloperView() });
    await renderPage();
    expect(text('reserve-readonly')).toBe(
      'Lecture seule : seul le Product Owner (administrateur du projet ou membre du groupe Product Owner) peut fixer la réserve.',
    );
    expect(screen.queryByTestId('reserve-input')).toBeNull();
    expect(screen.queryByTestId('reserve-save')).toBeNull();
    expect(screen.queryByTestId('reserve-reset')).toBeNull();
  });

  it('keeps a closed sprint read only, even for the Product Owner', async () => {
    await renderPage();
    showSprint(10);
    expect(screen.getByTestId('reserve-readonly').getAttribute('data-reason')).toBe('closed');
    expect(screen.queryByTestId('reserve-input')).toBeNull();
  });

  it('shows a FORBIDDEN reply on save and keeps the board as it was', async () => {
    await renderPage();
    invokeMock.mockResolvedValueOnce({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'only the Product Owner may set a reserve' },
    });
    typeReserve('10');
    fireEvent.click(screen.getByTestId('reserve-save'));
    const alert = await screen.findByRole('alert');
    expect(alert.getAttribute('data-testid')).toBe('error');
    expect(alert.textContent).toContain('Réservé au Product Owner (administrateur du projet ou groupe PO)');
    expect(text('gauge-reserve')).toBe(pts('8'));
    expect((screen.getByTestId('reserve-input') as HTMLInputElement).value).toBe('10');
  });

  it('shows the server’s message on BAD_REQUEST', async () => {
    await renderPage();
    invokeMock.mockResolvedValueOnce({
      ok: false,
      error: { code: 'BAD_REQUEST', message: 'reserve: at most 3 decimals' },
    });
    typeReserve('1,2345');
    fireEvent.click(screen.getByTestId('reserve-save'));
    expect((await screen.findByTestId('error')).textContent).toContain('Réserve refusée : reserve: at most 3 decimals');
  });

  it('offers to reload on CONFLICT, with one new capacity/getBoard call', async () => {
    await renderPage();
    invokeMock.mockResolvedValueOnce({ ok: false, error: { code: 'CONFLICT', message: 'sprint 12 is closed' } });
    fireEvent.click(screen.getByTestId('reserve-save'));
    const alert = await screen.findByTestId('error');
    expect(alert.textContent).toContain('Ce sprint ne peut plus recevoir de réserve');
    fireEvent.click(within(alert).getByRole('button', { name: 'Recharger la page' }));
    await screen.findByRole('main');
    expect(callsTo('capacity/getBoard')).toHaveLength(2);
  });
});

describe('sprint reserve page: closed sprints', () => {
  it('tables every closed sprint and draws reserve against consumption', async () => {
    await renderPage();
    const past = screen.getByTestId('past-sprints');
    const rows = within(past).getAllByRole('row');
    expect(rows).toHaveLength(3); // header + Sprint 10 and Sprint 11
    const sprint11 = rows[2] as HTMLElement;
    expect(sprint11.querySelector('[data-column="overflow"]')?.textContent).toBe(pts('3'));
    expect(sprint11.querySelector('[data-column="overflow"]')?.className).toContain('csla-text-danger');
    expect(sprint11.querySelector('[data-column="validation"]')?.textContent).toBe(`5 / ${pts('3,75')}`);
    expect(rows[1]?.querySelector('[data-column="given-back"]')?.textContent).toBe(pts('3'));
    expect(rows[1]?.querySelector('[data-column="predictability"]')?.textContent).toBe('87,5\u00a0%');

    const chart = within(past).getByRole('img', { name: 'Réserve et consommation des sprints terminés' });
    expect(chart.tagName.toLowerCase()).toBe('svg');
    expect(chart.querySelector('title')?.textContent).toBe('Réserve et consommation des sprints terminés');
    expect(chart.querySelectorAll('g[data-sprint-id]')).toHaveLength(2);
    expect(chart.querySelectorAll('[data-part="overflow"]')).toHaveLength(1);
  });

  it('shows a closed sprint when its name is pressed in the table', async () => {
    await renderPage();
    fireEvent.click(within(screen.getByTestId('past-sprints')).getByRole('button', { name: 'Sprint 11' }));
    expect(screen.getByRole('heading', { level: 2, name: 'Sprint 11' })).toBeTruthy();
    expect((screen.getByTestId('sprint-select') as HTMLSelectElement).value).toBe('11');
    expect(invokeMock).toHaveBeenCalledTimes(1);
  });
});

describe('sprint reserve page: language', () => {
  it('speaks English when the Forge locale is English', async () => {
    getContextMock.mockResolvedValueOnce({
      locale: 'en-GB',
      extension: { type: 'jira:projectPage' },
    } as unknown as Context);
    await renderPage();
    expect(screen.getByRole('heading', { level: 1, name: 'Sprint reserve' })).toBeTruthy();
    expect(text('move-out-sentence')).toBe(
      `Stories to move out of the sprint, least important first: they cover the overflow of ${pts('3')}.`,
    );
    expect(screen.getByRole('button', { name: 'Save' })).toBeTruthy();
    showSprint(11);
    expect(text('over-cap')).toBe(`${pts('1.25')} charged to the contractor`);
  });
});
