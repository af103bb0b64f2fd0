/** @jest-environment jsdom */
import { downloadText } from './download';

// jsdom's Blob has no text(): read it as the browser's FileReader would.
const textOf = (blob: Blob): Promise<string> =>
  new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });

describe('downloadText', () => {
  const createObjectURL = jest.fn((_blob: Blob) => 'blob:https://example.test/1');
  const revokeObjectURL = jest.fn();

  beforeEach(() => {
    Object.assign(URL, { createObjectURL, revokeObjectURL });
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('clicks a temporary link to an object URL of the content, then revokes the URL', async () => {
    const clicked: { href: string; download: string; attached: boolean }[] = [];
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download, attached: document.body.contains(this) });
    });
    downloadText({
      filename: 'indicateurs.csv',
      contentType: 'text/csv; charset=utf-8',
      content: 'code;valeur\nIND_INC01;0,95\n',
    });
    expect(clicked).toEqual([{ href: 'blob:https://example.test/1', download: 'indicateurs.csv', attached: true }]);
    expect(document.querySelector('a')).toBeNull();
    expect(revokeObjectURL).not.toHaveBeenCalled();
    const blob = createObjectURL.mock.calls[0]?.[0] as Blob;
    expect(blob.type).toBe('text/csv; charset=utf-8');
    expect(await textOf(blob)).toBe('code;valeur\nIND_INC01;0,95\n');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(revokeObjectURL).toHaveBeenCalledWith('blob:https://example.test/1');
  });
});
