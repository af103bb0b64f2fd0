// The Forge resolver: one definition per API key, each wired to the Forge adapters.
import Resolver from '@forge/resolver';
import { forgeDeps } from '../app/deps';
import type { AllApiKey } from '../contract';
import { nowMs, resolvers } from './definitions';

const resolver = new Resolver();
for (const key of Object.keys(resolvers) as AllApiKey[]) {
  resolver.define(key, (request) => resolvers[key](forgeDeps(), { payload: request.payload, context: request.context }, nowMs()));
}

export const handler = resolver.getDefinitions();
