import type { MonthlyFigureStatus } from '../../../../src/contract';
import { toneBackground, toneForeground } from '../../../shared/src/colours';
import { useT } from '../i18n';
import { statusText, statusTone } from '../labels';

/** "Atteint" in green, "Non atteint" in red, "Mesuré" in grey; "Aucune donnée" subdued (never a 0 % or 100 %). */
export const StatusBadge = ({ status }: { readonly status: MonthlyFigureStatus }) => {
  const t = useT();
  const tone = statusTone(status);
  return (
    <span
      className={tone === null ? 'csla-badge csla-badge--subtle' : 'csla-badge'}
      data-testid="figure-status"
      data-status={status}
      style={tone === null ? undefined : { backgroundColor: toneBackground(tone), color: toneForeground(tone) }}
    >
      {statusText(t, status)}
    </span>
  );
};
