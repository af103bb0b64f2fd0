// Links from a list of issue keys to Jira's issue search. A JQL in a URL has a length limit, so each link carries at
// most 100 keys (the gadget says so), and a list gets at most 10 links: beyond 1,000 keys, the export has them all.

export const KEYS_PER_LINK = 100;
export const MAX_LINKS = 10;

/**
 * The Jira issue search of some keys, relative to the site (router.open resolves it).
 * @example jiraSearchPath(['DEMAT-1', 'DEMAT-2']) // '/issues/?jql=key%20in%20(DEMAT-1%2C%20DEMAT-2)'
 */
export const jiraSearchPath = (keys: readonly string[]): string =>
  `/issues/?jql=${encodeURIComponent(`key in (${keys.join(', ')})`)}`;

export type KeyLink = {
  /** 1-based positions of the first and last key of the link in the list. */
  readonly from: number;
  readonly to: number;
  readonly path: string;
};

/**
 * The links of a list of keys: one per 100 keys, at most 10.
 * @example keyLinks(['DEMAT-1', 'DEMAT-2']) // [{ from: 1, to: 2, path: '/issues/?jql=key%20in%20(DEMAT-1%2C%20DEMAT-2)' }]
 */
export const keyLinks = (keys: readonly string[]): readonly KeyLink[] => {
  const links: KeyLink[] = [];
  for (let start = 0; start < keys.length && links.length < MAX_LINKS; start += KEYS_PER_LINK) {
    const chunk = keys.slice(start, start + KEYS_PER_LINK);
    links.push({ from: start + 1, to: start + chunk.length, path: jiraSearchPath(chunk) });
  }
  return links;
};
