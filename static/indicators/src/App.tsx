// The indicators dashboard gadget (jira:dashboardGadget): one bundle for both entry points. The Forge context says
// which: the configuration screen (`extension.entryPoint === 'edit'`, no resolver call) or the view (one
// `indicators/getMonth` per load, then polling while the month is computed).
import { useEffect, useState } from 'react';
import { Loading } from '../../shared/src/components/Loading';
import { LangProvider } from '../../shared/src/i18n/react';
import { getContext } from './api';
import { ConfigurationForm } from './components/ConfigurationForm';
import { IndicatorsScreen } from './components/IndicatorsScreen';
import { gadgetContextOf, type GadgetContext } from './context';
import { useT } from './i18n';

const Starting = () => {
  const t = useT();
  return <Loading text={t('common.loading')} />;
};

export const App = () => {
  const [context, setContext] = useState<GadgetContext | null>(null);

  useEffect(() => {
    let live = true;
    getContext()
      .then(
        (value) => value,
        () => null, // French and the view when the context cannot be read
      )
      .then((value) => {
        if (live) setContext(gadgetContextOf(value));
      });
    return () => {
      live = false;
    };
  }, []);

  if (context === null)
    return (
      <LangProvider lang="fr">
        <Starting />
      </LangProvider>
    );
  return (
    <LangProvider lang={context.lang}>
      <main className="csla-gadget">
        {context.mode === 'edit' ? <ConfigurationForm saved={context.saved} /> : <IndicatorsScreen />}
      </main>
    </LangProvider>
  );
};
