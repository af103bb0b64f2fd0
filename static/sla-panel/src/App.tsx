// The issue panel: one `sla/getIssueSla` call per load (and per click on "Recalculer"), then render the view.
import { useCallback, useEffect, useState } from 'react';
import type { IssueSlaPanelView } from '../../../src/contract';
import { Alert } from '../../shared/src/components/Alert';
import { Loading } from '../../shared/src/components/Loading';
import { LangProvider } from '../../shared/src/i18n/react';
import { langOf, type Lang } from '../../shared/src/i18n/translate';
import { describeError, type ReplyError } from '../../shared/src/reply';
import { call, getContext } from './api';
import { SlaPanel } from './components/SlaPanel';
import { useT } from './i18n';

type Load =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly error: ReplyError }
  | { readonly kind: 'loaded'; readonly view: IssueSlaPanelView };

const Body = ({
  load,
  refreshing,
  onRefresh,
}: {
  readonly load: Load;
  readonly refreshing: boolean;
  readonly onRefresh: () => void;
}) => {
  const t = useT();
  if (load.kind === 'loading') return <Loading text={t('panel.loading')} />;
  if (load.kind === 'failed') {
    const { title, detail } = describeError(t, load.error);
    return (
      <Alert tone="danger" title={title} detail={detail} testId="error">
        <button type="button" onClick={onRefresh} disabled={refreshing}>
          {t('common.retry')}
        </button>
      </Alert>
    );
  }
  return <SlaPanel view={load.view} refreshing={refreshing} onRefresh={onRefresh} />;
};

export const App = () => {
  const [lang, setLang] = useState<Lang>('fr');
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [refreshing, setRefreshing] = useState(false);

  const fetchView = useCallback(async () => {
    setRefreshing(true);
    const reply = await call('sla/getIssueSla', {});
    setLoad(reply.ok ? { kind: 'loaded', view: reply.data } : { kind: 'failed', error: reply.error });
    setRefreshing(false);
  }, []);

  useEffect(() => {
    getContext().then(
      (context) => setLang(langOf(context.locale)),
      () => undefined, // French by default when the context cannot be read
    );
    void fetchView();
  }, [fetchView]);

  return (
    <LangProvider lang={lang}>
      <Body load={load} refreshing={refreshing} onRefresh={() => void fetchView()} />
    </LangProvider>
  );
};
