// Use case behind the issue panel: the issue read as the user (a user who cannot see it gets NOT_FOUND), its full
// history, and its clocks as of now, computed with the settings in force.
import { CONTRACT_ZONE } from '../domain/contract-zone';
import type { IssueSlaPanelView } from '../contract';
import { AppError } from './app-error';
import { formatInstant } from './format-instant';
import { liveReport, slaStatusOf } from './live-export';
import type { Deps } from './ports';
import { effectiveSettings } from './settings/settings-repository';
import { readWarnings } from './warn-before-breach';

const ISSUE_KEY = /^[A-Z][A-Z0-9_]{0,49}-\d{1,12}$/;

/** `issueId` (from the panel's context, when given): the issue is reconciled, so an edit made just before shows. */
export const getIssueSla = async (
  deps: Deps,
  issueKey: string,
  nowMs: number,
  issueId: string | null = null,
): Promise<IssueSlaPanelView> => {
  if (!ISSUE_KEY.test(issueKey)) throw new AppError('BAD_REQUEST', `"${issueKey.slice(0, 60)}" is not an issue key`);
  const { settings, version, stored } = await effectiveSettings(deps.store);
  const { results } = await liveReport(
    deps,
    'user',
    `key = ${issueKey}`,
    settings,
    stored.document,
    nowMs,
    issueId !== null && /^\d{1,18}$/.test(issueId) ? [issueId] : [],
  );
  const result = results.find((r) => r.view.key === issueKey) ?? results[0];
  if (!result) throw new AppError('NOT_FOUND', `issue ${issueKey} does not exist or is not visible to you`);
  const issue = result.view;
  // The warnings stored for the issue (issue 10): the panel lists what was sent, when and to whom. Read from app
  // storage by the issue's id, only once the user has been shown to see the issue.
  const warningsSent = result.issueId === null ? [] : await readWarnings(deps.store, result.issueId);
  return {
    issue,
    slaStatus: slaStatusOf(issue),
    nextDueAt: result.nextDueAt,
    computedAt: formatInstant(nowMs, CONTRACT_ZONE),
    settingsVersion: version,
    ...(warningsSent.length > 0 ? { warningsSent } : {}),
  };
};
