import { catalogueOf, type FieldInfo } from './jira-reads';

const app = { appId: '6f1c2a9e-4b7d-4c1e-9a55-0c7d3b2e8f10', environmentId: 'ae2b6c1d-0f3e-4a8b-b5c2-7d9e1f0a3b4c' };
const ari = (appId: string, environmentId: string, moduleKey: string): string => `ari:cloud:ecosystem::extension/${appId}/${environmentId}/static/${moduleKey}`;
const field = (id: string, custom: string | null, key?: string): FieldInfo => ({ id, name: id, custom, ...(key === undefined ? {} : { key }) });

describe('catalogueOf: the app’s own fields', () => {
  it.each<[string, FieldInfo[], Record<string, string>]>([
    ['its own field, by the full extension ARI', [field('customfield_1', ari(app.appId, app.environmentId, 'severity'))], { severity: 'customfield_1' }],
    // Issue 8: matching the /static/<moduleKey> suffix picked whichever app's field came last.
    ['another app’s field with the same module key is ignored, before or after', [field('customfield_2', ari('other-app', 'other-env', 'severity')), field('customfield_1', ari(app.appId, app.environmentId, 'severity')), field('customfield_3', ari('other-app', 'other-env', 'severity'))], { severity: 'customfield_1' }],
    ['the same app in another environment is not this installation', [field('customfield_4', ari(app.appId, 'another-env', 'sla-status'))], {}],
    ['a module key the app does not declare', [field('customfield_5', ari(app.appId, app.environmentId, 'something-else'))], {}],
    ['a suffix that is not a module key (more path)', [field('customfield_6', `${ari(app.appId, app.environmentId, 'x')}/severity`)], {}],
    ['its field by key <appId>__<ENV>__<moduleKey> when schema.custom is not an ARI', [field('customfield_7', null, `${app.appId}__DEVELOPMENT__sla-due`)], { 'sla-due': 'customfield_7' }],
    ['another app’s key with the same module key', [field('customfield_8', null, `other-app__PRODUCTION__sla-due`)], {}],
    ['a non-Forge custom field', [field('customfield_10020', 'com.pyxis.greenhopper.jira:gh-sprint')], {}],
  ])('%s', (_name, fields, expected) => {
    expect(catalogueOf(fields, app).appFields).toEqual(expected);
  });
});
