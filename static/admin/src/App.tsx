// The admin page (jira:adminPage): settings for the whole site, edited by Jira administrators, read by others.
import { useEffect, useMemo, useState } from 'react';
import { Alert } from '../../shared/src/components/Alert';
import { Loading } from '../../shared/src/components/Loading';
import { LangProvider } from '../../shared/src/i18n/react';
import { langOf, type Lang } from '../../shared/src/i18n/translate';
import { describeError } from '../../shared/src/reply';
import { getContext } from './api';
import { FormProvider, type FormState } from './components/FormContext';
import { Header } from './components/Header';
import { SettingsForm } from './components/SettingsForm';
import { pathText, type Path } from './document';
import { useT } from './i18n';
import { useSettingsEditor } from './useSettingsEditor';

const AdminPage = () => {
  const t = useT();
  const editor = useSettingsEditor();
  const { placed } = editor;
  const form: FormState = useMemo(
    () => ({
      document: editor.document,
      defaults: editor.defaults,
      readOnly: !editor.canEdit,
      write: editor.write,
      replace: editor.replace,
      problemsAt: (path: Path) => placed.byField.get(pathText(path)) ?? [],
      setJsonError: editor.setJsonError,
    }),
    [editor.document, editor.defaults, editor.canEdit, editor.write, editor.replace, placed, editor.setJsonError],
  );
  if (editor.load.kind === 'loading') return <Loading text={t('admin.loading')} />;
  if (editor.load.kind === 'failed') {
    const { title, detail } = describeError(t, editor.load.error);
    return (
      <Alert tone="danger" title={title} detail={detail} testId="error">
        <button type="button" onClick={() => void editor.reload()}>
          {t('common.retry')}
        </button>
      </Alert>
    );
  }
  return (
    <main className="csla-admin">
      <Header
        meta={editor.meta}
        canEdit={editor.canEdit}
        dirty={editor.dirty}
        checking={editor.checking}
        checkError={editor.checkError}
        save={editor.save}
        problemCount={editor.problems.length}
        unplaced={placed.unplaced}
        blocked={editor.jsonError !== null}
        onSave={() => void editor.saveNow()}
        onReload={() => void editor.reload()}
      />
      <FormProvider value={form}>
        <form onSubmit={(event) => event.preventDefault()} aria-label={t('admin.title')}>
          <SettingsForm holidays={editor.holidays} />
        </form>
      </FormProvider>
    </main>
  );
};

export const App = () => {
  const [lang, setLang] = useState<Lang>('fr');
  useEffect(() => {
    getContext().then(
      (context) => setLang(langOf(context.locale)),
      () => undefined, // French by default when the context cannot be read
    );
  }, []);
  return (
    <LangProvider lang={lang}>
      <AdminPage />
    </LangProvider>
  );
};
