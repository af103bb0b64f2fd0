// What went wrong with the last button pressed (recompute or export); the view shown stays as it was.
import { Alert } from '../../../shared/src/components/Alert';
import { describeError } from '../../../shared/src/reply';
import { useT } from '../i18n';
import type { ActionState } from '../useIndicators';

export const ActionError = ({ action }: { readonly action: ActionState }) => {
  const t = useT();
  if (action.kind !== 'failed') return null;
  const { title, detail } = describeError(t, action.error);
  return (
    <Alert
      tone="danger"
      title={t(action.action === 'refresh' ? 'action.refreshFailed' : 'action.exportFailed')}
      detail={`${title} ${detail}`}
      testId="action-error"
    />
  );
};
