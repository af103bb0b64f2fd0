// The issue keys behind a figure, with links to them in Jira's issue search (100 keys a link, at most 10 links;
// the gadget says so). The frame cannot navigate Jira: links open through the bridge's router, in a new tab.
import type { MouseEvent } from 'react';
import { formatNumber } from '../../../shared/src/format';
import { useLang } from '../../../shared/src/i18n/react';
import { openInJira } from '../api';
import { useT } from '../i18n';
import { KEYS_PER_LINK, MAX_LINKS, keyLinks } from '../jira-link';

/** Keys written out in full; the rest are counted (every one is in the links and the exports). */
const KEYS_SHOWN = 200;

export type KeyListProps = {
  /** Names the list for tests and styles (`data-list`): met, breached, numerator… */
  readonly name: string;
  readonly keys: readonly string[];
  readonly title?: string;
};

export const KeyList = ({ name, keys, title }: KeyListProps) => {
  const t = useT();
  const lang = useLang();
  const links = keyLinks(keys);
  const hidden = keys.length - KEYS_SHOWN;
  const open = (event: MouseEvent<HTMLAnchorElement>, path: string) => {
    event.preventDefault();
    void openInJira(path);
  };
  return (
    <div className="csla-keylist" data-list={name}>
      {title !== undefined ? <h4 className="csla-keylist__title">{title}</h4> : null}
      <p className="csla-keylist__keys">
        {keys.slice(0, KEYS_SHOWN).join(', ')}
        {hidden > 0 ? ` ${t('keys.more', { count: formatNumber(hidden, lang) })}` : null}
      </p>
      <p className="csla-keylist__links">
        {links.map((link) => (
          <a
            key={link.from}
            href={link.path}
            target="_blank"
            rel="noreferrer"
            data-testid="jira-link"
            onClick={(event) => open(event, link.path)}
          >
            {links.length === 1 && keys.length <= KEYS_PER_LINK
              ? t('keys.openInJira')
              : t('keys.openInJiraPart', { from: link.from, to: link.to })}
          </a>
        ))}
      </p>
      {keys.length > KEYS_PER_LINK ? (
        <p className="csla-help" data-testid="jira-link-cap">
          {t('keys.capped', { max: KEYS_PER_LINK })}
          {keys.length > KEYS_PER_LINK * MAX_LINKS
            ? ` ${t('keys.cappedLinks', { shown: formatNumber(KEYS_PER_LINK * MAX_LINKS, lang) })}`
            : null}
        </p>
      ) : null}
    </div>
  );
};
