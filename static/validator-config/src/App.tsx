// The configuration screen of the three workflow validators. One `validators/getOptions` call on load; when Jira's
// own save button is pressed, the registered callback asks `validators/buildConfig` for the configuration (with
// its generated expression) and hands Jira its JSON, or shows the error and returns `undefined`, which is how
// onConfigure refuses a save (the screen stays open, nothing is saved).
import { useEffect, useRef, useState } from 'react';
import type { ValidatorOptionsView } from '../../../src/contract';
import { Alert } from '../../shared/src/components/Alert';
import { Loading } from '../../shared/src/components/Loading';
import { LangProvider } from '../../shared/src/i18n/react';
import { langOf, translator, type Lang } from '../../shared/src/i18n/translate';
import { describeError, type ReplyError } from '../../shared/src/reply';
import { call, getContext, onConfigure, type ConfigureCallback, type UiContext } from './api';
import { ValidatorForm } from './components/ValidatorForm';
import {
  buildRequest,
  checkForm,
  fieldOfProblemPath,
  initialValues,
  kindOf,
  savedConfigOf,
  type FieldMessages,
  type FormValues,
  type ValidatorKind,
} from './form';
import { dictionaries, useT } from './i18n';

type Loaded = {
  readonly kind: ValidatorKind | null;
  readonly moduleKey: string;
  readonly options: ValidatorOptionsView;
  readonly optionsError: ReplyError | null;
  readonly readOnly: boolean;
};

const NO_OPTIONS: ValidatorOptionsView = { groups: [], fields: [], appFields: {} };

const Screen = ({
  loaded,
  values,
  problems,
  saveError,
  onChange,
}: {
  readonly loaded: Loaded;
  readonly values: FormValues;
  readonly problems: FieldMessages;
  readonly saveError: string | null;
  readonly onChange: (values: FormValues) => void;
}) => {
  const t = useT();
  if (loaded.kind === null)
    return <Alert tone="danger" title={t('validator.unknownKind', { moduleKey: loaded.moduleKey })} testId="error" />;
  return (
    <main className="csla-validator-screen">
      <h2>{t(`validator.title.${loaded.kind}`)}</h2>
      <p className="csla-muted">{t(`validator.intro.${loaded.kind}`)}</p>
      {loaded.optionsError === null ? null : (
        <Alert
          tone="warning"
          title={describeError(t, loaded.optionsError).title}
          detail={describeError(t, loaded.optionsError).detail}
          testId="options-error"
        />
      )}
      {saveError === null ? null : <Alert tone="danger" title={saveError} testId="error" />}
      <ValidatorForm
        kind={loaded.kind}
        values={values}
        options={loaded.options}
        problems={problems}
        onChange={onChange}
        readOnly={loaded.readOnly}
      />
    </main>
  );
};

export const App = () => {
  const [lang, setLang] = useState<Lang>('fr');
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [values, setValues] = useState<FormValues>(initialValues(null, null));
  const [problems, setProblems] = useState<FieldMessages>({});
  const [saveError, setSaveError] = useState<string | null>(null);

  // Jira calls the callback long after it was registered: it reads the latest state through this ref.
  const latest = useRef({ loaded, values, lang });
  latest.current = { loaded, values, lang };

  useEffect(() => {
    const context = getContext().catch((): UiContext => ({}));
    void Promise.all([context, call('validators/getOptions', {})]).then(([ctx, reply]) => {
      setLang(langOf(ctx.locale));
      // A workflow condition's screen gets its saved configuration as `conditionConfig` (to confirm on a real site).
      const saved = savedConfigOf(ctx.extension?.validatorConfig ?? ctx.extension?.['conditionConfig']);
      const options = reply.ok ? reply.data : NO_OPTIONS;
      setValues(initialValues(saved, options));
      setLoaded({
        kind: kindOf(ctx.moduleKey, saved),
        moduleKey: ctx.moduleKey ?? '?',
        options,
        optionsError: reply.ok ? null : reply.error,
        readOnly: ctx.extension?.entryPoint === 'view',
      });
    });

    const configure: ConfigureCallback = async () => {
      const { loaded: current, values: form, lang: currentLang } = latest.current;
      const t = translator(dictionaries, currentLang);
      const fail = (message: string): undefined => {
        setSaveError(message);
        return undefined;
      };
      if (current === null || current.kind === null) return fail(t('validator.notReady'));
      const found = checkForm(current.kind, form);
      const messages: { -readonly [F in keyof FormValues]?: string } = {};
      for (const [field, problem] of Object.entries(found))
        messages[field as keyof FormValues] = t(problem.key, { value: problem.value ?? '' });
      setProblems(messages);
      if (Object.keys(messages).length > 0)
        return fail(t('validator.saveFailed', { message: Object.values(messages).join(' ') }));
      const reply = await call('validators/buildConfig', buildRequest(current.kind, form));
      if (!reply.ok) {
        // The server names the fields it refuses (BAD_REQUEST with problems): show each next to its field.
        for (const problem of reply.error.problems ?? []) {
          const field = fieldOfProblemPath(problem.path);
          if (field !== null) messages[field] = problem.message;
        }
        setProblems(messages);
        return fail(
          t('validator.saveFailed', { message: `${describeError(t, reply.error).title} (${reply.error.message})` }),
        );
      }
      setSaveError(null);
      return JSON.stringify(reply.data);
    };
    // Outside Jira (a plain page) there is no workflow editor to register with: the form still renders.
    onConfigure(configure).catch(() => undefined);
  }, []);

  return (
    <LangProvider lang={lang}>
      {loaded === null ? (
        <Loading text={translator(dictionaries, lang)('validator.loading')} />
      ) : (
        <Screen loaded={loaded} values={values} problems={problems} saveError={saveError} onChange={setValues} />
      )}
    </LangProvider>
  );
};
