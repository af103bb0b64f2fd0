import type { JiraAs, JiraReply, JiraTransport } from '../app/ports';
import { deleteIssueProperty, setIssueProperty } from './write-issue-property';

const recording = (status: number) => {
  const requests: { as: JiraAs; method: string; path: string; body: unknown }[] = [];
  const transport: JiraTransport = {
    async request(as, method, path, body): Promise<JiraReply> {
      requests.push({ as, method, path, body });
      return { status, body: status >= 400 ? { errorMessages: ['nope'] } : undefined };
    },
  };
  return { transport, requests };
};

describe('issue property verbs (issue 10)', () => {
  it('sets the property as the app, with the value as the body', async () => {
    const { transport, requests } = recording(200);
    await setIssueProperty(transport, '10001', 'contractSla', { v: 1 });
    expect(requests).toEqual([
      { as: 'app', method: 'PUT', path: '/rest/api/3/issue/10001/properties/contractSla', body: { v: 1 } },
    ]);
  });

  it('a refused write is an error naming the operation', async () => {
    const { transport } = recording(403);
    await expect(setIssueProperty(transport, '10001', 'contractSla', {})).rejects.toThrow(
      /PUT \/rest\/api\/3\/issue\/\{issueIdOrKey\}\/properties\/\{propertyKey\}/,
    );
  });

  it('deletes the property; a 404 means there was none', async () => {
    const gone = recording(204);
    expect(await deleteIssueProperty(gone.transport, '10001', 'contractSla')).toBe(true);
    expect(gone.requests[0]).toMatchObject({
      method: 'DELETE',
      path: '/rest/api/3/issue/10001/properties/contractSla',
    });
    expect(await deleteIssueProperty(recording(404).transport, '10001', 'contractSla')).toBe(false);
  });
});
