// The KeyValueStore on Forge: @forge/kvs (the `storage` export of @forge/api is gone).
import { kvs } from '@forge/kvs';
import type { KeyValueStore } from '../app/ports';

export const forgeStore: KeyValueStore = {
  async get(key) {
    return (await kvs.get(key)) as unknown;
  },
  async set(key, value, ttlSeconds) {
    await kvs.set(
      key,
      value as never,
      ttlSeconds === undefined ? undefined : { ttl: { value: ttlSeconds, unit: 'SECONDS' } },
    );
  },
  async delete(key) {
    await kvs.delete(key);
  },
};
