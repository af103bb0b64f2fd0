import type { SlaStatus } from '../../../../src/contract';
import { toneBackground, toneForeground } from '../../../shared/src/colours';
import { useT } from '../i18n';
import { slaStatusTone } from '../labels';

/** "Statut SLA : En cours", the value written to the read-only field of the same name. */
export const StatusBadge = ({ status }: { readonly status: SlaStatus | null }) => {
  const t = useT();
  const tone = slaStatusTone(status);
  return (
    <p className="csla-status">
      <span className="csla-muted">{t('panel.slaStatus')} :</span>
      <span
        className="csla-badge"
        data-testid="sla-status"
        data-status={status ?? 'none'}
        style={{ backgroundColor: toneBackground(tone), color: toneForeground(tone) }}
      >
        {t(status === null ? 'panel.slaStatus.none' : `panel.slaStatus.${status}`)}
      </span>
    </p>
  );
};
