// Title, version and who changed the settings last, the save button and what happened to the last save.
import type { SettingsProblem } from '../../../../src/contract';
import { Alert } from '../../../shared/src/components/Alert';
import { displayInstant } from '../../../shared/src/format';
import { useLang } from '../../../shared/src/i18n/react';
import { describeError, type ReplyError } from '../../../shared/src/reply';
import { useT } from '../i18n';
import type { Meta, SaveState } from '../useSettingsEditor';

export type HeaderProps = {
  readonly meta: Meta;
  readonly canEdit: boolean;
  readonly dirty: boolean;
  readonly checking: boolean;
  readonly checkError: ReplyError | null;
  readonly save: SaveState;
  readonly problemCount: number;
  readonly unplaced: readonly SettingsProblem[];
  readonly blocked: boolean;
  readonly onSave: () => void;
  readonly onReload: () => void;
};

export const Header = ({
  meta,
  canEdit,
  dirty,
  checking,
  checkError,
  save,
  problemCount,
  unplaced,
  blocked,
  onSave,
  onReload,
}: HeaderProps) => {
  const t = useT();
  const lang = useLang();
  const updated =
    meta.updatedAt === null
      ? t('admin.neverSaved')
      : meta.savedHere || meta.updatedBy === null
        ? t('admin.updatedNoBy', { at: displayInstant(meta.updatedAt, lang) })
        : t('admin.updated', { at: displayInstant(meta.updatedAt, lang), by: meta.updatedBy });
  const status =
    save.kind === 'saving'
      ? t('admin.saving')
      : save.kind === 'saved'
        ? t('admin.saved', { version: save.version })
        : dirty
          ? t('admin.unsaved')
          : t('admin.noChange');
  return (
    <header className="csla-admin__header">
      <h1>{t('admin.title')}</h1>
      <p className="csla-muted" data-testid="meta">
        <span data-testid="version">{t('admin.version', { version: meta.version })}</span> · {updated}
      </p>
      <p>{t('admin.intro')}</p>
      {canEdit ? null : <Alert tone="information" title={t('admin.readOnly')} testId="read-only" />}
      {canEdit ? (
        <div className="csla-savebar">
          <button
            type="button"
            className="csla-primary"
            onClick={onSave}
            disabled={!dirty || blocked || save.kind === 'saving'}
            data-testid="save"
          >
            {t('admin.save')}
          </button>
          <span role="status" aria-live="polite" data-testid="save-status">
            {status}
            {checking ? ` · ${t('admin.checking')}` : ''}
            {problemCount > 0 ? ` · ${t('admin.problems', { count: problemCount })}` : ''}
          </span>
        </div>
      ) : null}
      {save.kind === 'conflict' ? (
        <Alert tone="danger" title={t('admin.conflict')} testId="save-error">
          <button type="button" onClick={onReload}>
            {t('admin.reloadLoses')}
          </button>
        </Alert>
      ) : null}
      {save.kind === 'invalid' ? <Alert tone="danger" title={t('admin.invalid')} testId="save-error" /> : null}
      {save.kind === 'forbidden' ? <Alert tone="danger" title={t('admin.forbidden')} testId="save-error" /> : null}
      {save.kind === 'failed' ? (
        <Alert
          tone="danger"
          title={t('admin.saveFailed')}
          detail={describeError(t, save.error).detail}
          testId="save-error"
        />
      ) : null}
      {checkError !== null ? (
        <Alert tone="warning" title={t('admin.checkFailed', { message: describeError(t, checkError).title })} />
      ) : null}
      {unplaced.length > 0 ? (
        <div className="csla-alert csla-alert--danger" role="alert" data-testid="problems">
          <p className="csla-alert__title">{t('admin.problemsElsewhere')}</p>
          <ul>
            {unplaced.map((problem, i) => (
              <li key={`${problem.path}-${i}`} data-path={problem.path}>
                {problem.path === ''
                  ? problem.message
                  : t('admin.problemAt', { path: problem.path, message: problem.message })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </header>
  );
};
