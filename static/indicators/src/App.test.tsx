/** @jest-environment jsdom */
import { invoke, router, view } from '@forge/bridge';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { IndicatorsView, MonthlyFigureView } from '../../../src/contract';
import { App } from './App';
import {
  EXPORTS,
  aComputingView,
  aFailedView,
  aNotConfiguredView,
  aReadyView,
  aReport,
  compliance,
  demat,
} from './__fixtures__/indicators';
import { POLL_INTERVAL_MS } from './useIndicators';

type Context = Awaited<ReturnType<typeof view.getContext>>;

const invokeMock = jest.mocked(invoke);
const getContextMock = jest.mocked(view.getContext);
const submitMock = jest.mocked(view.submit);
const openMock = jest.mocked(router.open);

// The UI's clock seam (static/shared/src/clock.ts), as a host page installs it: the gadget's "now" is fixed.
const NOW_MS = Date.parse('2026-11-18T14:30:00+01:00');

beforeEach(() => {
  (globalThis as { __contract_sla_clock__?: unknown }).__contract_sla_clock__ = { nowMs: () => NOW_MS };
  invokeMock.mockClear();
  getContextMock.mockClear();
  submitMock.mockClear();
  openMock.mockClear();
});

afterEach(() => {
  jest.useRealTimers();
});

const callsTo = (key: string) => invokeMock.mock.calls.filter(([k]) => k === key);

const answers = (data: IndicatorsView) => ({ ok: true, data });

const gadgetContext = (extension: Record<string, unknown>, locale = 'fr-FR'): Context =>
  ({
    locale,
    moduleKey: 'contract-indicators',
    extension: { type: 'jira:dashboardGadget', ...extension },
  }) as unknown as Context;

const renderReady = async () => {
  const result = render(<App />);
  await screen.findByTestId('indicator-table');
  return result;
};

// jsdom's Blob has no text(): read it as the browser's FileReader would.
const textOf = (blob: Blob): Promise<string> =>
  new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });

const figure = (code: string) => screen.getByTestId(`figure-${code}`);
const cell = (code: string, testId: string) => within(figure(code)).getByTestId(testId).textContent;

describe('configuration screen (edit entry point)', () => {
  const editContext = (gadgetConfiguration: Record<string, unknown> = {}) =>
    gadgetContext({ entryPoint: 'edit', gadgetConfiguration });

  it('starts from the saved configuration and submits the project and the month, with no resolver call', async () => {
    getContextMock.mockResolvedValueOnce(editContext({ projectKey: 'DEMAT', month: 'previous' }));
    render(<App />);
    const form = await screen.findByTestId('gadget-edit-form');
    const project = within(form).getByTestId('project-input') as HTMLInputElement;
    expect(project.value).toBe('DEMAT');
    expect((within(form).getByTestId('month-previous') as HTMLInputElement).checked).toBe(true);
    fireEvent.change(project, { target: { value: 'dem2' } });
    expect(project.value).toBe('DEM2');
    fireEvent.change(within(form).getByTestId('month-input'), { target: { value: '2026-09' } });
    expect((within(form).getByTestId('month-specific') as HTMLInputElement).checked).toBe(true);
    fireEvent.click(within(form).getByTestId('save-configuration'));
    await waitFor(() => expect(submitMock).toHaveBeenCalledTimes(1));
    expect(submitMock).toHaveBeenCalledWith({ projectKey: 'DEM2', month: '2026-09' });
    expect(await screen.findByText('Configuration enregistrée.')).toBeTruthy();
    expect(invokeMock).not.toHaveBeenCalled();
  });

  it('submits « Mois précédent » as previous', async () => {
    getContextMock.mockResolvedValueOnce(editContext({ projectKey: 'DEMAT', month: '2026-10' }));
    render(<App />);
    const form = await screen.findByTestId('gadget-edit-form');
    expect((within(form).getByTestId('month-input') as HTMLInputElement).value).toBe('2026-10');
    fireEvent.click(within(form).getByTestId('month-previous'));
    fireEvent.click(within(form).getByTestId('save-configuration'));
    await waitFor(() => expect(submitMock).toHaveBeenCalledWith({ projectKey: 'DEMAT', month: 'previous' }));
  });

  it('explains in French what is wrong and submits nothing', async () => {
    getContextMock.mockResolvedValueOnce(editContext());
    render(<App />);
    const form = await screen.findByTestId('gadget-edit-form');
    fireEvent.click(within(form).getByTestId('month-specific'));
    fireEvent.click(within(form).getByTestId('save-configuration'));
    expect(screen.getByTestId('project-problem').textContent).toBe('Saisissez la clé du projet (par exemple DEMAT).');
    expect(screen.getByTestId('month-problem').textContent).toBe('Choisissez un mois, ou « Mois précédent ».');
    expect(screen.getByTestId('project-input').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(screen.getByTestId('project-input'));

    fireEvent.change(screen.getByTestId('project-input'), { target: { value: '2DEM' } });
    expect(screen.getByTestId('project-problem').textContent).toContain('Clé de projet invalide');
    fireEvent.change(screen.getByTestId('project-input'), { target: { value: 'DEMAT' } });
    expect(screen.queryByTestId('project-problem')).toBeNull();
    fireEvent.change(screen.getByTestId('month-input'), { target: { value: '2026-12' } });
    expect(screen.getByTestId('month-problem').textContent).toBe(
      'Ce mois n’a pas encore commencé : choisissez novembre 2026 ou un mois antérieur.',
    );
    fireEvent.change(screen.getByTestId('month-input'), { target: { value: '2026-11' } });
    expect(screen.queryByTestId('month-problem')).toBeNull();
    fireEvent.change(screen.getByTestId('month-input'), { target: { value: '2999-01' } });
    fireEvent.click(screen.getByTestId('save-configuration'));
    expect(submitMock).not.toHaveBeenCalled();
  });

  it('says so when Jira refuses the configuration', async () => {
    getContextMock.mockResolvedValueOnce(editContext({ projectKey: 'DEMAT', month: 'previous' }));
    submitMock.mockRejectedValueOnce(new Error('gadget configuration rejected'));
    render(<App />);
    fireEvent.click(await screen.findByTestId('save-configuration'));
    expect(await screen.findByText('La configuration n’a pas été enregistrée : réessayez.')).toBeTruthy();
  });
});

describe('gadget view: states', () => {
  it('asks to configure a gadget that is not configured', async () => {
    invokeMock.mockResolvedValueOnce(answers(aNotConfiguredView()));
    render(<App />);
    const notice = await screen.findByTestId('not-configured');
    expect(notice.textContent).toContain('Choisissez le projet et le mois à afficher');
    expect(invokeMock).toHaveBeenCalledTimes(1);
    expect(invokeMock).toHaveBeenCalledWith('indicators/getMonth', {});
  });

  it('shows the progress of a computation and polls every 2 s until the month is ready', async () => {
    jest.useFakeTimers();
    invokeMock
      .mockResolvedValueOnce(answers(aComputingView('search', 0, null)))
      .mockResolvedValueOnce(answers(aComputingView('changelogs', 120, 480)))
      .mockResolvedValueOnce(answers(aReadyView()));
    render(<App />);
    const progress = await screen.findByTestId('progress');
    expect(progress.textContent).toContain('Calcul en cours…');
    expect(screen.getByTestId('progress-step').textContent).toBe('Étape 1 sur 3 : recherche des tickets · 0 traités');
    expect(callsTo('indicators/getMonth')).toHaveLength(1);

    await act(() => jest.advanceTimersByTimeAsync(POLL_INTERVAL_MS));
    expect(callsTo('indicators/getMonth')).toHaveLength(2);
    expect(screen.getByTestId('progress-step').textContent).toBe(
      'Étape 2 sur 3 : lecture des historiques · 120 sur 480',
    );
    const bar = within(screen.getByTestId('progress')).getByRole('progressbar');
    expect(bar.getAttribute('aria-valuenow')).toBe('41'); // (1 + 120/480) ÷ 3 phases
    expect(screen.queryByTestId('indicator-table')).toBeNull();

    await act(() => jest.advanceTimersByTimeAsync(POLL_INTERVAL_MS));
    expect(callsTo('indicators/getMonth')).toHaveLength(3);
    expect(screen.getByTestId('indicator-table')).toBeTruthy();
    expect(screen.queryByTestId('progress')).toBeNull();

    await act(() => jest.advanceTimersByTimeAsync(10 * POLL_INTERVAL_MS));
    expect(invokeMock).toHaveBeenCalledTimes(3);
  });

  it('stops polling when the gadget goes away', async () => {
    jest.useFakeTimers();
    invokeMock.mockResolvedValueOnce(answers(aComputingView('compute', 3, 10)));
    const { unmount } = render(<App />);
    await screen.findByTestId('progress');
    unmount();
    await act(() => jest.advanceTimersByTimeAsync(10 * POLL_INTERVAL_MS));
    expect(invokeMock).toHaveBeenCalledTimes(1);
  });

  it('shows a failed computation with its error, and « Relancer » starts it again', async () => {
    jest.useFakeTimers();
    invokeMock
      .mockResolvedValueOnce(answers(aFailedView()))
      .mockResolvedValueOnce(answers(aComputingView()))
      .mockResolvedValueOnce(answers(aReadyView()));
    render(<App />);
    const error = await screen.findByTestId('error');
    expect(error.textContent).toContain('Le calcul des indicateurs a échoué.');
    expect(error.textContent).toContain('429 Too Many Requests');
    const relaunch = within(error).getByRole('button', { name: 'Relancer' });
    expect(relaunch.getAttribute('data-testid')).toBe('refresh');
    fireEvent.click(relaunch);
    await screen.findByTestId('progress');
    expect(callsTo('indicators/refresh')).toHaveLength(1);
    await act(() => jest.advanceTimersByTimeAsync(POLL_INTERVAL_MS));
    expect(screen.getByTestId('indicator-table')).toBeTruthy();
    expect(callsTo('indicators/getMonth')).toHaveLength(2);
  });

  it('says why a failed call failed and « Réessayer » asks again', async () => {
    invokeMock.mockResolvedValueOnce({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'no BROWSE_PROJECTS on DEMAT' },
    });
    render(<App />);
    const error = await screen.findByTestId('error');
    expect(error.textContent).toContain('Vous n’avez pas accès aux indicateurs de ce projet.');
    expect(error.textContent).toContain('FORBIDDEN');
    fireEvent.click(within(error).getByRole('button', { name: 'Réessayer' }));
    await screen.findByTestId('indicator-table');
    expect(callsTo('indicators/getMonth')).toHaveLength(2);
  });
});

describe('gadget view: a computed month', () => {
  it('loads with one indicators/getMonth call and names the project, the month, the snapshot and the settings', async () => {
    await renderReady();
    expect(invokeMock).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('month-title').textContent).toBe('DEMAT · octobre 2026');
    expect(screen.getByTestId('snapshot-at').textContent).toBe('instantané du lun. 2 novembre 2026, 03:15');
    expect(screen.getByTestId('settings-version').textContent).toBe('réglages version 4');
    expect(screen.queryByTestId('incomplete')).toBeNull();
  });

  it.each([
    [
      'IND_INC01 meets its threshold at exactly 95 %',
      'IND_INC01',
      '95\u00a0%',
      '19 / 20',
      '≥ 95\u00a0%',
      'Atteint',
      'met',
    ],
    ['IND_INC02 misses its threshold', 'IND_INC02', '87,5\u00a0%', '7 / 8', '≥ 90\u00a0%', 'Non atteint', 'missed'],
    [
      'a rate with nothing to measure is neither 0 % nor 100 %',
      'IND_INC03',
      '—',
      '0 / 0',
      '≥ 85\u00a0%',
      'Aucune donnée',
      'no-data',
    ],
    ['a count of open incidents', 'IND_SUP01', '29', '—', '—', 'Mesuré', 'measured'],
    ['an anomaly rate without threshold', 'ANO_RESOLUTION_MAJOR', '81,8\u00a0%', '9 / 11', '—', 'Mesuré', 'measured'],
    ['the escaped defect rate as a quotient', 'ESCAPED_DEFECT_RATE', '0,22', '2 / 9', '—', 'Mesuré', 'measured'],
    ['a calendar median in days and hours', 'LEAD_TIME_MEDIAN', '3 j 4 h', '7 tickets', '—', 'Mesuré', 'measured'],
    [
      'a calendar mean with its sum',
      'LEAD_TIME_MEAN',
      '5 j 7 h',
      'Σ\u00a037 j 1 h / 7 tickets',
      '—',
      'Mesuré',
      'measured',
    ],
    [
      'a business median in hours and minutes',
      'LEAD_TIME_BUSINESS_MEDIAN',
      '12 h 30 min',
      '7 tickets',
      '—',
      'Mesuré',
      'measured',
    ],
    ['a duration with no issue', 'WORK_ITEM_AGE_MAX', '—', '0 ticket', '—', 'Aucune donnée', 'no-data'],
    [
      'predictability as a share of the planned points',
      'PREDICTABILITY_SPRINT_102',
      '66,7\u00a0%',
      '14 / 21\u00a0pts',
      '—',
      'Mesuré',
      'measured',
    ],
    [
      'productivity in points per hour',
      'PRODUCTIVITY_SPRINT_102',
      '0,25\u00a0pts/h',
      '14\u00a0pts / 56\u00a0h',
      '—',
      'Mesuré',
      'measured',
    ],
  ])('%s', async (_name, code, value, fraction, threshold, status, statusCode) => {
    await renderReady();
    expect(cell(code, 'figure-value')).toBe(value);
    expect(cell(code, 'figure-fraction')).toBe(fraction);
    expect(cell(code, 'figure-threshold')).toBe(threshold);
    expect(cell(code, 'figure-status')).toBe(status);
    expect(within(figure(code)).getByTestId('figure-status').getAttribute('data-status')).toBe(statusCode);
  });

  it('colours met green and missed red, and says why a rate has no data', async () => {
    await renderReady();
    expect(within(figure('IND_INC01')).getByTestId('figure-status').style.backgroundColor).toBe(
      'var(--ds-background-success-bold, #1F845A)',
    );
    expect(within(figure('IND_INC02')).getByTestId('figure-status').style.backgroundColor).toBe(
      'var(--ds-background-danger-bold, #C9372C)',
    );
    expect(cell('IND_INC03', 'figure-note')).toBe('aucun incident résolu dans le mois (1 en cours, hors taux)');
  });

  it('groups the figures by section, the contract’s incident indicators first', async () => {
    await renderReady();
    const table = screen.getByTestId('indicator-table');
    const sections = [...table.querySelectorAll('tbody.csla-section')].map((s) => s.getAttribute('data-section'));
    expect(sections).toEqual([
      'incidents',
      'open-incidents',
      'anomalies',
      'doc-anomalies',
      'service-requests',
      'quality',
      'flow',
      'sprints',
    ]);
    expect(table.querySelector('tbody.csla-section')?.textContent).toBe(
      'Incidents d’infrastructure : résolution dans les délais (GTR)',
    );
    const codes = [...table.querySelectorAll('tbody[data-testid^="figure-"]')].map((b) =>
      b.getAttribute('data-testid'),
    );
    expect(codes.slice(0, 3)).toEqual(['figure-IND_INC01', 'figure-IND_INC02', 'figure-IND_INC03']);
    expect(codes).toHaveLength(aReport().figures.length);
  });

  it('opens a figure onto its keys, its breaches and a Jira link for the breached keys', async () => {
    await renderReady();
    const row = figure('IND_INC02');
    const toggle = within(row).getByTestId('figure-toggle');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(within(row).queryByTestId('figure-keys')).toBeNull();
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const keys = within(row).getByTestId('figure-keys');
    const met = keys.querySelector('[data-list="met"]') as HTMLElement;
    expect(met.textContent).toContain('Dans les délais (7)');
    const breached = keys.querySelector('[data-list="breached"]') as HTMLElement;
    expect(breached.textContent).toContain('Hors délais (1)');
    expect(breached.textContent).toContain('DEMAT-1187');
    const link = within(breached).getByTestId('jira-link');
    expect(link.textContent).toBe('Voir dans Jira');
    expect(link.getAttribute('href')).toBe('/issues/?jql=key%20in%20(DEMAT-1187)');
    fireEvent.click(link);
    await waitFor(() => expect(openMock).toHaveBeenCalledWith('/issues/?jql=key%20in%20(DEMAT-1187)'));
    const breach = within(within(keys).getByTestId('breaches')).getByRole('row', { name: /DEMAT-1187/ });
    expect(breach.textContent).toContain('résolution');
    expect(breach.textContent).toContain('4 h');
    expect(breach.textContent).toContain('5 h 30 min');
    expect(breach.textContent).toContain('+1 h 30 min');
    expect(breach.textContent).toContain('mer. 21 octobre 2026, 16:30');
  });

  it('lists the running clocks of a rate with no data apart', async () => {
    await renderReady();
    fireEvent.click(within(figure('IND_INC03')).getByTestId('figure-toggle'));
    const keys = within(figure('IND_INC03')).getByTestId('figure-keys');
    expect(keys.querySelector('[data-list="running"]')?.textContent).toContain('En cours, hors taux (1)DEMAT-1230');
    expect(keys.querySelector('[data-list="met"]')).toBeNull();
  });

  it('caps each Jira link at 100 keys and says so', async () => {
    const big: MonthlyFigureView = compliance({
      code: 'ANO_RESOLUTION_MINOR',
      label: 'Anomalies mineures : délai de résolution respecté',
      section: 'anomalies',
      dimensions: { kind: 'anomaly', clock: 'resolution', severity: 'minor' },
      met: demat(2001, 150),
      emptyNote: 'aucune anomalie résolue dans le mois',
    });
    invokeMock.mockResolvedValueOnce(answers(aReadyView({ report: aReport({ figures: [big] }) })));
    await renderReady();
    fireEvent.click(within(figure('ANO_RESOLUTION_MINOR')).getByTestId('figure-toggle'));
    const keys = within(figure('ANO_RESOLUTION_MINOR')).getByTestId('figure-keys');
    const links = within(keys).getAllByTestId('jira-link');
    expect(links.map((l) => l.textContent)).toEqual([
      'Voir dans Jira (tickets 1 à 100)',
      'Voir dans Jira (tickets 101 à 150)',
    ]);
    expect(decodeURIComponent(links[1]?.getAttribute('href') ?? '')).toBe(
      `/issues/?jql=key in (${demat(2101, 50).join(', ')})`,
    );
    expect(within(keys).getByTestId('jira-link-cap').textContent).toBe(
      'Jira ouvre au plus 100 tickets par lien : la liste est coupée en plusieurs liens.',
    );
  });

  it('draws the six-month trend with thresholds as dashed lines and gaps for months without data', async () => {
    await renderReady();
    const chart = screen.getByTestId('trend-chart');
    const svg = chart.querySelector('svg') as SVGSVGElement;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe('Respect des délais sur six mois');
    expect(svg.querySelector('title')?.textContent).toBe('Respect des délais sur six mois');
    const series = [...svg.querySelectorAll('g[data-series]')].map((g) => g.getAttribute('data-series'));
    expect(series).toEqual([
      'IND_INC01',
      'IND_INC02',
      'IND_INC03',
      'ANO_RESOLUTION_BLOCKING',
      'ANO_RESOLUTION_MAJOR',
      'ANO_RESOLUTION_MINOR',
    ]);
    const thresholds = [...svg.querySelectorAll('[data-part="threshold"]')];
    expect(thresholds.map((l) => l.querySelector('title')?.textContent)).toEqual([
      'Seuil IND_INC01 · incidents OR (2 h) : 95\u00a0%',
      'Seuil IND_INC02 · incidents ARGENT (4 h) : 90\u00a0%',
      'Seuil IND_INC03 · incidents BRONZE (8 h) : 85\u00a0%',
    ]);
    expect((thresholds[0] as SVGLineElement).style.strokeDasharray).toBe('6 4');
    // IND_INC03 has no data in July and October: four points, two stretches of line (May–June, August–September).
    const bronze = svg.querySelector('g[data-series="IND_INC03"]') as SVGGElement;
    expect([...bronze.querySelectorAll('[data-part="point"]')].map((p) => p.getAttribute('data-month'))).toEqual([
      '2026-05',
      '2026-06',
      '2026-08',
      '2026-09',
    ]);
    expect(bronze.querySelectorAll('[data-part="line"]')).toHaveLength(2);
    const gold = svg.querySelector('g[data-series="IND_INC01"]') as SVGGElement;
    expect(gold.querySelectorAll('[data-part="line"]')).toHaveLength(1);
    expect(gold.querySelector('[data-month="2026-10"] title')?.textContent).toBe(
      'IND_INC01 · incidents OR (2 h), octobre 2026 : 95\u00a0% (19 / 20)',
    );
  });

  it('gives the trend’s figures as a table too', async () => {
    await renderReady();
    const table = screen.getByTestId('trend-table');
    const july = within(table).getByRole('row', { name: /juillet 2026/ });
    expect(july.querySelector('[data-series="IND_INC03"]')?.textContent).toBe('aucune donnée');
    expect(july.querySelector('[data-series="IND_INC02"]')?.textContent).toBe('85,7\u00a0% (6 / 7)');
    expect(within(table).getAllByRole('row')).toHaveLength(1 + 6 + 1); // header, six months, thresholds
  });

  it('downloads the CSV export', async () => {
    const createObjectURL = jest.fn((_blob: Blob) => 'blob:https://demat.atlassian.net/5f1c');
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const downloads: { href: string; download: string }[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      downloads.push({ href: this.href, download: this.download });
    });
    try {
      await renderReady();
      fireEvent.click(screen.getByTestId('export-csv'));
      await waitFor(() =>
        expect(downloads).toEqual([
          { href: 'blob:https://demat.atlassian.net/5f1c', download: 'indicateurs-DEMAT-2026-10.csv' },
        ]),
      );
      expect(invokeMock).toHaveBeenLastCalledWith('indicators/export', { format: 'csv' });
      const blob = createObjectURL.mock.calls[0]?.[0] as Blob;
      expect(blob.type).toBe(EXPORTS.csv.contentType);
      expect(await textOf(blob)).toBe(EXPORTS.csv.content);
      await waitFor(() => expect(revokeObjectURL).toHaveBeenCalledWith('blob:https://demat.atlassian.net/5f1c'));
      expect(screen.queryByTestId('action-error')).toBeNull();
    } finally {
      click.mockRestore();
    }
  });

  it('says when an export fails and keeps the figures', async () => {
    await renderReady();
    invokeMock.mockResolvedValueOnce({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'no snapshot for DEMAT 2026-10' },
    });
    fireEvent.click(screen.getByTestId('export-json'));
    const error = await screen.findByTestId('action-error');
    expect(error.textContent).toContain('L’export n’a pas abouti.');
    expect(invokeMock).toHaveBeenLastCalledWith('indicators/export', { format: 'json' });
    expect(screen.getByTestId('indicator-table')).toBeTruthy();
  });

  it('« Recalculer » starts a new computation and follows it', async () => {
    await renderReady();
    fireEvent.click(screen.getByTestId('refresh'));
    await screen.findByTestId('progress');
    expect(callsTo('indicators/refresh')).toHaveLength(1);
    expect(screen.queryByTestId('indicator-table')).toBeNull();
  });

  it('says when « Recalculer » cannot start a computation, and keeps the figures', async () => {
    await renderReady();
    invokeMock.mockResolvedValueOnce({
      ok: false,
      error: { code: 'CONFLICT', message: 'a computation of DEMAT 2026-10 is already running' },
    });
    fireEvent.click(screen.getByTestId('refresh'));
    const error = await screen.findByTestId('action-error');
    expect(error.textContent).toContain('Le recalcul n’a pas pu être lancé.');
    expect(screen.getByTestId('indicator-table')).toBeTruthy();
    expect(screen.queryByTestId('progress')).toBeNull();
  });

  it('shows the report’s warnings in French with their issues, and the server’s sentence for an unknown code', async () => {
    await renderReady();
    const warnings = screen.getByTestId('warnings');
    const known = warnings.querySelector('[data-code="CLOCK_WITHOUT_TARGET"]') as HTMLElement;
    expect(known.textContent).toContain('Tickets sans gravité ou sans cible (D3), exclus des taux (2).');
    expect(within(known).getByTestId('jira-link').getAttribute('href')).toBe(
      '/issues/?jql=key%20in%20(DEMAT-1203%2C%20DEMAT-1210)',
    );
    expect(warnings.querySelector('[data-code="FIELD_NOT_FOUND"]')?.textContent).toContain(
      'settings fields.environment',
    );
  });

  it('says when the month is not over yet', async () => {
    invokeMock.mockResolvedValueOnce(
      answers(
        aReadyView({
          month: '2026-11',
          report: aReport({ month: '2026-11', complete: false, at: '2026-11-18T14:30:00.000+01:00' }),
        }),
      ),
    );
    await renderReady();
    expect(screen.getByTestId('incomplete').textContent).toBe(
      'Mois en cours : chiffres au mer. 18 novembre 2026, 14:30.',
    );
    expect(screen.getByTestId('month-title').textContent).toBe('DEMAT · novembre 2026');
  });

  it('speaks English when the context locale does', async () => {
    getContextMock.mockResolvedValueOnce(
      gadgetContext({ gadgetConfiguration: { projectKey: 'DEMAT', month: 'previous' } }, 'en-GB'),
    );
    await renderReady();
    expect(screen.getByTestId('month-title').textContent).toBe('DEMAT · October 2026');
    expect(cell('IND_INC01', 'figure-status')).toBe('Met');
    expect(cell('IND_INC02', 'figure-status')).toBe('Missed');
    expect(cell('IND_INC03', 'figure-status')).toBe('No data');
    expect(cell('LEAD_TIME_MEDIAN', 'figure-value')).toBe('3 d 4 h');
    expect(screen.getByTestId('refresh').textContent).toBe('Recompute');
  });
});
