// The contract's time zone (CCTP: the Administration's offices, mainland France). Every instant the app shows, every
// month window and every built-in calendar is read in it; a calendar of the settings may name another zone.
export const CONTRACT_ZONE = 'Europe/Paris';
