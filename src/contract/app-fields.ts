// The Forge module keys of the app's custom fields (manifest.yml, `jira:customField`): the contract's one run-time
// value. It is shared because three parts name these fields by the same keys: the back end (src/app) looks their
// ids up at run time (GET /rest/api/3/field), the workbench's local Jira declares them, and the validator screen
// (static/validator-config, as a type only) offers them first. test/forge/manifest.test.ts checks them against the
// manifest.

export const APP_FIELD_KEYS = {
  severity: 'severity',
  environment: 'detection-environment',
  serviceLevel: 'service-level',
  incidentStart: 'incident-start',
  anomalyClass: 'anomaly-class',
  slaStatus: 'sla-status',
  slaDue: 'sla-due',
} as const;
