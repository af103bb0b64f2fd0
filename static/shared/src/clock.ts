// The Custom UI's one clock seam (issue 8): the browser's clock, unless the host page installed its own
// (`window.__contract_sla_clock__`, as the workbench does so that its pages share the demo's "now"). Nothing else in
// static/ reads the machine's clock (eslint.config.mjs).

type WindowWithClock = typeof globalThis & { __contract_sla_clock__?: { readonly nowMs?: unknown } };

/** Epoch milliseconds, now, as the host sees it. */
export const nowMs = (): number => {
  const seam = (globalThis as WindowWithClock).__contract_sla_clock__;
  if (seam !== undefined && typeof seam.nowMs === 'function') {
    const value: unknown = seam.nowMs();
    if (typeof value === 'number' && Number.isFinite(value)) return value;
  }
  return Date.now();
};
