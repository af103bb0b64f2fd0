// Saves text produced by a resolver (an export) as a file in the browser: a Blob behind an object URL, clicked through
// a temporary <a download>. The URL is revoked once the click has been handed to the browser.

export type TextFile = { readonly filename: string; readonly contentType: string; readonly content: string };

/** Starts the download of `file`; throws when the browser cannot make object URLs. */
export const downloadText = (file: TextFile, doc: Document = document): void => {
  const url = URL.createObjectURL(new Blob([file.content], { type: file.contentType }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = file.filename;
  link.rel = 'noopener';
  link.style.display = 'none';
  doc.body.appendChild(link);
  try {
    link.click();
  } finally {
    link.remove();
    // Some browsers read the URL after click() returns: revoke on the next task, not now.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
};
