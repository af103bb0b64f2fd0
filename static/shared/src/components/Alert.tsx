// An error or notice block. `role="alert"` is for errors only, so screen readers announce them at once.
import type { ReactNode } from 'react';

export type AlertProps = {
  readonly tone: 'danger' | 'warning' | 'information' | 'success';
  readonly title: string;
  readonly detail?: string | null;
  readonly testId?: string;
  readonly children?: ReactNode;
};

export const Alert = ({ tone, title, detail, testId, children }: AlertProps) => (
  <div className={`csla-alert csla-alert--${tone}`} role={tone === 'danger' ? 'alert' : 'status'} data-testid={testId}>
    <p className="csla-alert__title">{title}</p>
    {detail ? <p className="csla-alert__detail">{detail}</p> : null}
    {children}
  </div>
);
