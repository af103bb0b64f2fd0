// Wire types of the severity UI modification (issue 10, D5): what its client code gets from the resolver.

export type SeverityAccessView = {
  /** The invoking user is in the Administration group: the severity stays editable. */
  readonly editable: boolean;
  /** The one line shown under the read-only severity, French first. */
  readonly explanation: string;
  readonly group: string;
};
