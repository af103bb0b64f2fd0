// The Forge resolver: one definition per API key, each wired to the Forge adapters.
import Resolver from '@forge/resolver';
import { forgeDeps } from '../app/deps';
import type { ApiKey } from '../contract';
import { resolvers } from './definitions';

const isApiKey = (key: string): key is ApiKey => Object.hasOwn(resolvers, key);

const resolver = new Resolver();
for (const key of Object.keys(resolvers).filter(isApiKey)) {
  resolver.define(key, (request) => {
    const deps = forgeDeps();
    return resolvers[key](deps, { payload: request.payload, context: request.context }, deps.clock.nowMs());
  });
}

export const handler = resolver.getDefinitions();
