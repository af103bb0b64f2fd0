import { sprintIdOf, type UiContext } from './context';

describe('sprintIdOf', () => {
  it.each<[string, UiContext | null, number | undefined]>([
    ['a sprint action', { extension: { type: 'jira:sprintAction', sprint: { id: 12 } } }, 12],
    ['a sprint id written as digits', { extension: { type: 'jira:sprintAction', sprint: { id: '12' } } }, 12],
    ['the project page', { extension: { type: 'jira:projectPage', project: { key: 'DEM' } } }, undefined],
    ['no context', null, undefined],
    ['a sprint without an id', { extension: { sprint: {} } }, undefined],
    ['an id that is not a sprint id', { extension: { sprint: { id: 'abc' } } }, undefined],
    ['a negative id', { extension: { sprint: { id: -3 } } }, undefined],
  ])('%s', (_name, context, expected) => {
    expect(sprintIdOf(context)).toBe(expected);
  });
});
