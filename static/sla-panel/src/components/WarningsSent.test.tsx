/** @jest-environment jsdom */
// The panel lists the warnings sent before a breach (issue 10): when, which threshold and clock, to whom.
import { render, screen } from '@testing-library/react';
import { aPanelView } from '../__fixtures__/views';
import { SlaPanel } from './SlaPanel';

const sent = {
  clock: 'resolution' as const,
  cycle: '2026-03-09T09:00:00.000+01:00',
  threshold: 75,
  status: 'sent' as const,
  at: '2026-03-11T10:00:00.000+01:00',
  claimedAt: '2026-03-11T10:00:00.000+01:00',
  attempts: 1,
  to: { assignee: true, watchers: true, group: 'titulaire-dev' },
  jiraStatus: null,
};

describe('issue panel: warnings sent (issue 10)', () => {
  it('lists each warning with its clock, threshold, recipients and outcome, French first', () => {
    render(
      <SlaPanel
        view={aPanelView({ warningsSent: [sent, { ...sent, threshold: 100, status: 'failed', jiraStatus: 403 }] })}
        refreshing={false}
        onRefresh={() => undefined}
      />,
    );
    const items = screen.getAllByTestId('warning-sent');
    expect(items).toHaveLength(2);
    expect(items[0]?.textContent).toContain('correction');
    expect(items[0]?.textContent).toContain('75 % du délai');
    expect(items[0]?.textContent).toContain('responsable, observateurs, titulaire-dev');
    expect(items[0]?.textContent).toContain('envoyé');
    expect(items[1]?.textContent).toContain('délai dépassé');
    expect(items[1]?.textContent).toContain('refusé par Jira');
  });

  it('shows no list when nothing was sent', () => {
    render(<SlaPanel view={aPanelView()} refreshing={false} onRefresh={() => undefined} />);
    expect(screen.queryByTestId('warnings-sent')).toBeNull();
  });
});
