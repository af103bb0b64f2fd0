// What the page reads from the Forge context. The same bundle serves the project page (jira:projectPage) and the
// action opened on one sprint (jira:sprintAction), whose context names the sprint: `extension.sprint.id`.

export type UiContext = {
  readonly locale?: string;
  readonly accountId?: string;
  readonly extension?: { readonly [key: string]: unknown };
};

/**
 * The sprint the page was opened on: a sprint action's `extension.sprint.id` (a number, or digits), else undefined.
 * @example sprintIdOf({ extension: { type: 'jira:sprintAction', sprint: { id: 12 } } }) // 12
 * @example sprintIdOf({ extension: { type: 'jira:projectPage', project: { key: 'DEM' } } }) // undefined
 */
export const sprintIdOf = (context: UiContext | null): number | undefined => {
  const sprint = context?.extension?.sprint;
  if (typeof sprint !== 'object' || sprint === null) return undefined;
  const id: unknown = (sprint as { readonly id?: unknown }).id;
  const value =
    typeof id === 'number' ? id : typeof id === 'string' && /^\d+$/.test(id.trim()) ? Number(id.trim()) : Number.NaN;
  return Number.isSafeInteger(value) && value > 0 ? value : undefined;
};
