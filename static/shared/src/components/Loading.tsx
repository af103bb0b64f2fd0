export const Loading = ({ text }: { readonly text: string }) => (
  <p className="csla-loading" role="status" aria-live="polite" data-testid="loading">
    <span className="csla-spinner" aria-hidden="true" />
    {text}
  </p>
);
