// Projects and versions: GET /rest/api/3/project/{projectIdOrKey}/versions.
import { json } from '../http';
import type { JiraResponse } from '../types';
import { projectNotFound, isDemat, type LocalJiraSite, type RouteContext } from './site';

export function projectVersions(site: LocalJiraSite, { actor, params }: RouteContext): JiraResponse {
  const ref = params['projectIdOrKey'] ?? '';
  if (!isDemat(ref) || !site.canBrowse(actor)) return projectNotFound(ref);
  return json(
    200,
    site.state.versions.map((v) => ({ ...v })),
  );
}
