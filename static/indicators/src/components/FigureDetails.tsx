// What a figure is made of: the issue keys behind it (compliance: in time, late, still running apart; IND_SUP:
// resolved in time, late, still open; ratios and durations: numerator, denominator, apart) and its breaches.
import type { MonthlyFigureView } from '../../../../src/contract';
import { useT } from '../i18n';
import { BreachTable } from './BreachTable';
import { KeyList } from './KeyList';

type KeyGroup = { readonly name: string; readonly title: string; readonly keys: readonly string[] };

const keyGroupsOf = (figure: MonthlyFigureView, t: ReturnType<typeof useT>): readonly KeyGroup[] => {
  // Positive checks: each narrows the union to the member whose `type` may have that value.
  if (figure.type === 'ratio' || figure.type === 'duration') {
    const { keys } = figure;
    return (['numerator', 'denominator', 'apart'] as const).map((name) => ({
      name,
      title: t(`keys.${name}`, { count: keys[name].length }),
      keys: keys[name],
    }));
  }
  if (figure.type === 'compliance' || figure.type === 'count') {
    const { keys } = figure;
    const kind = figure.type === 'count' ? 'count' : 'clock';
    return (['met', 'breached', 'running'] as const).map((name) => ({
      name,
      title: t(`keys.${kind}.${name}`, { count: keys[name].length }),
      keys: keys[name],
    }));
  }
  return [];
};

export const FigureDetails = ({ figure }: { readonly figure: MonthlyFigureView }) => {
  const t = useT();
  const groups = keyGroupsOf(figure, t);
  const shown = groups.filter((group) => group.keys.length > 0);
  return (
    <div className="csla-keys" data-testid="figure-keys">
      {shown.length === 0 ? (
        <p className="csla-muted">{t('keys.none')}</p>
      ) : (
        shown.map((group) => <KeyList key={group.name} name={group.name} title={group.title} keys={group.keys} />)
      )}
      {figure.breaches.length > 0 ? <BreachTable breaches={figure.breaches} /> : null}
    </div>
  );
};
