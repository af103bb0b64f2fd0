// The sprint reserve page (jira:projectPage; also the jira:sprintAction opened on one sprint): one
// `capacity/getBoard` call per load, then the board's sprints, rendered as the server computed them (D8, D9).
import { Alert } from '../../shared/src/components/Alert';
import { Loading } from '../../shared/src/components/Loading';
import { LangProvider } from '../../shared/src/i18n/react';
import { describeError } from '../../shared/src/reply';
import { SprintBoard } from './components/SprintBoard';
import { useT } from './i18n';
import { useSprintBoard } from './useSprintBoard';

const Body = ({ board }: { readonly board: ReturnType<typeof useSprintBoard> }) => {
  const t = useT();
  const { load } = board;
  if (load.kind === 'loading') return <Loading text={t('reserve.loading')} />;
  if (load.kind === 'failed') {
    const { title, detail } = describeError(t, load.error);
    return (
      <Alert tone="danger" title={title} detail={detail} testId="error">
        <button type="button" onClick={() => void board.reload()}>
          {t('common.retry')}
        </button>
      </Alert>
    );
  }
  return (
    <SprintBoard
      view={load.view}
      viewerAccountId={board.accountId}
      selected={board.selected}
      save={board.save}
      onSelect={board.select}
      onSave={(sprintId, reserve) => void board.saveReserve(sprintId, reserve)}
      onReload={() => void board.reload()}
    />
  );
};

export const App = () => {
  const board = useSprintBoard();
  return (
    <LangProvider lang={board.lang}>
      <Body board={board} />
    </LangProvider>
  );
};
