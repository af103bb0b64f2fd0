// Setting the reserve of an active or future sprint (D8), for the Product Owner only: a number in the board's unit,
// or back to the default rate (`reserve: null`). The server checks the right again; its refusal is shown by code.
// Everyone else reads a sentence saying who may set it.
import { useState, type FormEvent } from 'react';
import type { ReserveReport, SprintReserveView, StoredReserveView } from '../../../../src/contract';
import { Alert } from '../../../shared/src/components/Alert';
import { formatShare } from '../../../shared/src/format';
import { useLang } from '../../../shared/src/i18n/react';
import type { Translate } from '../../../shared/src/i18n/translate';
import { describeError, type ReplyError } from '../../../shared/src/reply';
import { useT, type ReserveMessageKey } from '../i18n';
import { parseReserveInput, reserveInputText } from '../reserve-input';
import type { SaveState } from '../useSprintBoard';

export type ReserveEditorProps = {
  readonly sprint: SprintReserveView;
  readonly report: ReserveReport;
  readonly stored: StoredReserveView | null;
  readonly canSetReserve: boolean;
  readonly save: SaveState;
  readonly onSave: (reserve: number | null) => void;
  readonly onReload: () => void;
};

/** The sentence for a refused save: the page's own for the codes it expects, the common one otherwise. */
const saveErrorText = (
  t: Translate<ReserveMessageKey>,
  error: ReplyError,
): { readonly title: string; readonly detail: string | null } => {
  const detail = describeError(t, error).detail;
  switch (error.code) {
    case 'FORBIDDEN':
      return { title: t('save.FORBIDDEN'), detail };
    case 'BAD_REQUEST':
      return { title: t('save.BAD_REQUEST', { message: error.message }), detail: null };
    case 'CONFLICT':
      return { title: t('save.CONFLICT'), detail };
    case 'NOT_FOUND':
      return { title: t('save.NOT_FOUND'), detail };
    default:
      return { title: `${t('save.failed')} ${describeError(t, error).title}`, detail };
  }
};

export const ReserveEditor = ({
  sprint,
  report,
  stored,
  canSetReserve,
  save,
  onSave,
  onReload,
}: ReserveEditorProps) => {
  const t = useT();
  const lang = useLang();
  const [text, setText] = useState(() => reserveInputText(sprint.reserve, lang));
  const [invalid, setInvalid] = useState(false);

  if (!canSetReserve) {
    return (
      <p className="csla-readonly" data-testid="reserve-readonly" data-reason="not-product-owner">
        {t('editor.readOnly')}
      </p>
    );
  }
  if (sprint.state === 'closed') {
    return (
      <p className="csla-readonly" data-testid="reserve-readonly" data-reason="closed">
        {t('editor.closed')}
      </p>
    );
  }

  const saving = save.kind === 'saving';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const reserve = parseReserveInput(text);
    setInvalid(reserve === null);
    if (reserve !== null) onSave(reserve);
  };
  const failure = save.kind === 'failed' ? saveErrorText(t, save.error) : null;
  const describedBy = invalid ? 'csla-reserve-help csla-reserve-problem' : 'csla-reserve-help';
  return (
    <form
      className="csla-editor"
      onSubmit={submit}
      noValidate
      aria-labelledby="csla-editor-title"
      data-testid="reserve-editor"
    >
      <h3 id="csla-editor-title">{t('editor.title')}</h3>
      <div className="csla-setting">
        <label htmlFor="csla-reserve-input">{t('editor.label', { unit: t(`unit.${report.unit}`) })}</label>
        <input
          id="csla-reserve-input"
          type="text"
          inputMode="decimal"
          autoComplete="off"
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            if (invalid) setInvalid(false);
          }}
          aria-invalid={invalid ? true : undefined}
          aria-describedby={describedBy}
          data-testid="reserve-input"
        />
        <span id="csla-reserve-help" className="csla-help">
          {t('editor.help')}
        </span>
        {invalid ? (
          <p id="csla-reserve-problem" className="csla-field-problem" data-testid="reserve-invalid">
            {t('editor.invalid')}
          </p>
        ) : null}
      </div>
      <div className="csla-savebar">
        <button type="submit" className="csla-primary" disabled={saving} data-testid="reserve-save">
          {t('editor.save')}
        </button>
        <button
          type="button"
          onClick={() => onSave(null)}
          disabled={saving || stored === null}
          data-testid="reserve-reset"
        >
          {t('editor.reset')}
        </button>
        <span role="status" aria-live="polite" data-testid="reserve-status">
          {saving
            ? t('editor.saving')
            : save.kind === 'saved'
              ? t(save.cleared ? 'editor.cleared' : 'editor.saved')
              : ''}
        </span>
      </div>
      <p className="csla-help">{t('editor.resetHelp', { rate: formatShare(report.rules.defaultRate, lang) })}</p>
      {failure === null ? null : (
        <Alert tone="danger" title={failure.title} detail={failure.detail} testId="error">
          {save.kind === 'failed' && (save.error.code === 'CONFLICT' || save.error.code === 'NOT_FOUND') ? (
            <button type="button" onClick={onReload}>
              {t('reserve.reload')}
            </button>
          ) : null}
        </Alert>
      )}
    </form>
  );
};
