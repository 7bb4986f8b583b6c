/**
 * Where the reference cache (reference-cache.ts) keeps its entries: process memory (one replica) or Redis (every
 * replica shares entries and drops). Entries are grouped by owner — a caller's keyed token hash and a workspace
 * scope — and each owner has a generation that a drop advances: a fill started before a drop carries the old
 * generation and is not stored, so a slow read in flight cannot put back what a write just dropped.
 * Nothing here knows a token: owners are keyed hashes (`api.callerKey`) and scopes.
 */
import type { Redis } from 'ioredis';

/** One cached answer: when it was fetched (epoch ms) and its JSON text (parsed afresh for every request). */
export interface StoredEntry {
  at: number;
  text: string;
}

export interface ReferenceStore {
  /** The owner's generation (opaque) and the entries of `resources`, in order (undefined where absent). */
  get(owner: string, resources: readonly string[]): Promise<{ generation: string; entries: Array<StoredEntry | undefined> }>;
  /** Stores entries, unless the owner was dropped since `generation` was read. */
  set(owner: string, generation: string, entries: ReadonlyArray<readonly [string, StoredEntry]>): Promise<void>;
  /** Forgets every entry of the owner and advances its generation. */
  drop(owner: string): Promise<void>;
  close(): Promise<void>;
}

interface Bucket {
  generation: string;
  entries: Map<string, StoredEntry>;
}

/**
 * Process memory, least recently used owners evicted past `maxEntries` entries or `maxOwners` owners in all (a look-up
 * makes an owner, even for a token Workato then refuses). A new bucket takes a generation never used before in this
 * process, so a bucket evicted and made again does not match an old fill.
 */
export function memoryReferenceStore(maxEntries = 20_000, maxOwners = 5_000): ReferenceStore {
  const buckets = new Map<string, Bucket>();
  let total = 0;
  let generations = 0;
  const evictOldest = () => {
    const [oldest, old] = buckets.entries().next().value!;
    total -= old.entries.size;
    buckets.delete(oldest);
  };
  const bucket = (owner: string): Bucket => {
    let found = buckets.get(owner);
    if (found) buckets.delete(owner); // re-inserted below: Map order is recency
    else found = { generation: String(++generations), entries: new Map() };
    buckets.set(owner, found);
    if (buckets.size > maxOwners) evictOldest();
    return found;
  };
  return {
    async get(owner, resources) {
      const b = bucket(owner);
      return { generation: b.generation, entries: resources.map((r) => b.entries.get(r)) };
    },
    async set(owner, generation, entries) {
      const b = bucket(owner);
      if (b.generation !== generation) return;
      for (const [resource, entry] of entries) {
        if (!b.entries.has(resource)) total++;
        b.entries.set(resource, entry);
      }
      while (total > maxEntries && buckets.size > 1) evictOldest(); // `b` is the newest: it stays
    },
    async drop(owner) {
      const b = buckets.get(owner);
      if (!b) return; // no bucket: no fill can have read its generation since it was made
      total -= b.entries.size;
      b.entries.clear();
      b.generation = String(++generations);
    },
    async close() {
      buckets.clear();
    },
  };
}

const GENERATION = '#gen';

// Store only while the owner's generation is the one the fill read (absent = ''): KEYS[1] hash, ARGV[1] generation,
// ARGV[2] expiry (ms), then resource/value pairs.
const SET_IF_CURRENT = `
if (redis.call('HGET', KEYS[1], '${GENERATION}') or '') ~= ARGV[1] then return 0 end
for i = 3, #ARGV, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1`;

// Forget the owner's entries, keeping only a generation one higher: KEYS[1] hash, ARGV[1] expiry (ms).
const DROP = `
local generation = tonumber(redis.call('HGET', KEYS[1], '${GENERATION}') or '0') + 1
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], '${GENERATION}', generation)
redis.call('PEXPIRE', KEYS[1], ARGV[1])
return generation`;

/**
 * Redis: one hash per owner (`workato-gateway:reference:<keyed token hash>:<scope>`), its generation in field `#gen`,
 * each entry as `<fetched at> <JSON>`. A get is one HMGET; a set and a drop are one script each. The hash lives
 * `keepMs` past its last write — longer than any fill can take, so a generation outlives the reads it must refuse
 * — and entries older than the cache's hard limit are ignored by their age whatever Redis still holds.
 */
export function redisReferenceStore(redis: Redis, keepMs: number, close: () => Promise<void>): ReferenceStore {
  const key = (owner: string) => `workato-gateway:reference:${owner}`;
  return {
    async get(owner, resources) {
      const [generation, ...values] = await redis.hmget(key(owner), GENERATION, ...resources);
      return { generation: generation ?? '', entries: values.map(parseEntry) };
    },
    async set(owner, generation, entries) {
      const pairs = entries.flatMap(([resource, entry]) => [resource, `${entry.at} ${entry.text}`]);
      await redis.eval(SET_IF_CURRENT, 1, key(owner), generation, String(keepMs), ...pairs);
    },
    async drop(owner) {
      await redis.eval(DROP, 1, key(owner), String(keepMs));
    },
    close,
  };
}

function parseEntry(value: string | null): StoredEntry | undefined {
  if (value == null) return undefined;
  const space = value.indexOf(' ');
  const at = Number(value.slice(0, space));
  return space > 0 && Number.isFinite(at) ? { at, text: value.slice(space + 1) } : undefined;
}
