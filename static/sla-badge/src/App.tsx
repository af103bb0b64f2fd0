// The SLA badge (jira:issueContext): one `sla/getBadge` call per render (and again after the panel's modal closes),
// then the badge; a click opens the full panel in a Forge modal.
import { useCallback, useEffect, useState } from 'react';
import type { SlaBadgeView } from '../../../src/contract';
import { Alert } from '../../shared/src/components/Alert';
import { Loading } from '../../shared/src/components/Loading';
import { LangProvider } from '../../shared/src/i18n/react';
import { langOf, type Lang } from '../../shared/src/i18n/translate';
import { describeError, type ReplyError } from '../../shared/src/reply';
import { call, getContext, openPanel } from './api';
import { SlaBadge } from './components/SlaBadge';
import { dictionaries, useT } from './i18n';

type Load =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly error: ReplyError }
  | { readonly kind: 'loaded'; readonly view: SlaBadgeView };

const Body = ({ load, onOpen }: { readonly load: Load; readonly onOpen: () => void }) => {
  const t = useT();
  if (load.kind === 'loading') return <Loading text={t('badge.loading')} />;
  if (load.kind === 'failed') {
    const { title, detail } = describeError(t, load.error);
    return <Alert tone="danger" title={title} detail={detail} testId="error" />;
  }
  return <SlaBadge view={load.view} onOpen={onOpen} />;
};

export const App = () => {
  const [lang, setLang] = useState<Lang>('fr');
  const [load, setLoad] = useState<Load>({ kind: 'loading' });

  const fetchView = useCallback(async () => {
    const reply = await call('sla/getBadge', {});
    setLoad(reply.ok ? { kind: 'loaded', view: reply.data } : { kind: 'failed', error: reply.error });
  }, []);

  useEffect(() => {
    getContext().then(
      (context) => setLang(langOf(context.locale)),
      () => undefined, // French by default when the context cannot be read
    );
    void fetchView();
  }, [fetchView]);

  const onOpen = useCallback(() => {
    openPanel(dictionaries[lang]['badge.panelTitle'], () => void fetchView()).catch(() => undefined);
  }, [fetchView, lang]);

  return (
    <LangProvider lang={lang}>
      <Body load={load} onOpen={onOpen} />
    </LangProvider>
  );
};
