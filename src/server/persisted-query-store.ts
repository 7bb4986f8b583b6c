/**
 * Where automatic persisted queries (plugins/automatic-persisted-queries.ts) keep the documents clients registered,
 * by the SHA-256 of their text. Always in process memory (bounded by text, least recently used out first); with
 * REDIS_URL in Redis as well, so a document registered through one replica is known to every replica. A document
 * never changes under its hash, so the memory copy is never stale. A Redis fault reads as "not registered": the client
 * then sends the text again (Apollo's protocol), which costs it one round trip and never fails its request.
 */
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Logger } from './logger.js';
import { closeRedis, connectRedis } from './redis.js';

/** The id of a document in Apollo's protocol: the SHA-256 of its text, in lowercase hex. */
export const documentHash = (text: string): string => createHash('sha256').update(text).digest('hex');

export interface PersistedQueryStore {
  get(hash: string): string | undefined | Promise<string | undefined>;
  /** Keeps a document whose hash was checked and which validated; never awaited. */
  set(hash: string, document: string): void;
  close(): Promise<void>;
}

/** Characters of document text kept in memory, all entries together. */
export const PERSISTED_QUERY_CHARS = 8 * 1024 * 1024;
/** How long Redis keeps a document nobody registers again: clients re-register what is gone. */
const REDIS_TTL_SECONDS = 7 * 24 * 3600;
const KEY_PREFIX = 'wgw:apq:';

export async function createPersistedQueryStore(redisUrl: string | undefined, logger: Logger): Promise<PersistedQueryStore> {
  // No TTL in memory: a TTL'd lru-cache reads the clock through a timer on every lookup (document-cache.ts).
  const memory = new LRUCache<string, string>({ maxSize: PERSISTED_QUERY_CHARS, sizeCalculation: (text) => Math.max(1, text.length) });
  if (!redisUrl) {
    return { get: (hash) => memory.get(hash), set: (hash, document) => void memory.set(hash, document), close: async () => undefined };
  }
  const redis = await connectRedis(redisUrl, { purpose: 'Persisted queries', commandTimeoutMs: 250 }, logger);
  return {
    get(hash) {
      const known = memory.get(hash);
      if (known !== undefined) return known;
      return redis.get(KEY_PREFIX + hash).then(
        (document) => {
          // What another writer of this Redis left under the key is run only if it is the document the id names.
          if (document === null || documentHash(document) !== hash) return undefined;
          memory.set(hash, document);
          return document;
        },
        () => undefined,
      );
    },
    set(hash, document) {
      memory.set(hash, document);
      redis.set(KEY_PREFIX + hash, document, 'EX', REDIS_TTL_SECONDS).catch(() => undefined);
    },
    close: () => closeRedis(redis),
  };
}
