import { commonEn, commonFr } from '../../shared/src/i18n/common';
import { makeUseT } from '../../shared/src/i18n/react';

// French first, English second (the Forge context's locale decides).
const badgeFr = {
  'badge.loading': 'Chargement du SLA…',
  'badge.open': 'Ouvrir le détail du SLA',
  'badge.panelTitle': 'SLA du contrat',
  'badge.clock.workaround': 'Contournement',
  'badge.clock.resolution': 'Résolution',
  'badge.state.running': 'En cours',
  'badge.state.warning': 'Bientôt dû',
  'badge.state.breached': 'Dépassé',
  'badge.state.paused': 'En pause',
  'badge.state.met': 'Respecté',
  'badge.state.stopped': 'Arrêté',
  'badge.state.none': 'Sans délai',
  'badge.left': 'reste {duration}',
  'badge.late': 'en retard de {duration}',
  'badge.due': 'échéance le {day} à {time}',
  'badge.pausedBy': '{status}',
  'badge.quiet.met': 'Délais tenus',
  'badge.quiet.stopped': 'Horloges arrêtées, hors délai',
  'badge.quiet.none': 'Aucune horloge SLA sur ce ticket',
} as const;

const badgeEn: Record<keyof typeof badgeFr, string> = {
  'badge.loading': 'Loading the SLA…',
  'badge.open': 'Open the SLA details',
  'badge.panelTitle': 'Contract SLA',
  'badge.clock.workaround': 'Workaround',
  'badge.clock.resolution': 'Resolution',
  'badge.state.running': 'Running',
  'badge.state.warning': 'Due soon',
  'badge.state.breached': 'Breached',
  'badge.state.paused': 'Paused',
  'badge.state.met': 'Met',
  'badge.state.stopped': 'Stopped',
  'badge.state.none': 'No deadline',
  'badge.left': '{duration} left',
  'badge.late': 'late by {duration}',
  'badge.due': 'due {day} at {time}',
  'badge.pausedBy': '{status}',
  'badge.quiet.met': 'Deadlines met',
  'badge.quiet.stopped': 'Clocks stopped, late',
  'badge.quiet.none': 'No SLA clock on this issue',
};

export const dictionaries = { fr: { ...commonFr, ...badgeFr }, en: { ...commonEn, ...badgeEn } };

export type BadgeMessageKey = keyof typeof dictionaries.fr;

export const useT = makeUseT(dictionaries);
