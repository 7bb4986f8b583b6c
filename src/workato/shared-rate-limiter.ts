/**
 * The quota windows of REFERENCE §5 shared by every replica through Redis (REDIS_URL), so that three replicas on
 * one token send what one would: at most `limit` calls in any window per token and family, and a 429's
 * `Retry-After` seen by one replica holds back the others.
 *
 * Why a Lua script rather than a rate-limiting library: the gateway's limiter queues a call for the next free slot
 * (up to WORKATO_RATE_LIMIT_MAX_WAIT_MS) instead of refusing it, and reserves that future slot in order. Libraries
 * such as rate-limiter-flexible count or refuse atomically in Redis but queue in process memory, which is the very
 * thing that must not be per process. One script does the same reservation as RateLimiter.reserve, atomically, on
 * Redis's clock: a sorted set per key holds the start times of the last `limit` admitted calls (future times are
 * queued calls), and a second key the Retry-After deadline. Keys are `wgw:q:{<keyed token hash>|<family>}`; the
 * braces keep both keys of a window in one Redis Cluster slot. No token ever reaches Redis.
 *
 * When Redis is down or slower than the deadline (QUOTA_REDIS_DEADLINE_MS, a few ms), every replica limits itself
 * to its share of each quota (limit ÷ the replicas it last saw through its heartbeat; QUOTA_FALLBACK_REPLICAS
 * before it has seen any), counting its own calls of the window it was in — so together they stay inside the quota.
 * A probe brings it back to the shared windows, which first learn the calls sent meanwhile. When Redis came back
 * empty (a restart without persistence), each replica gives back every call of its windows, and stays on its share
 * until all the replicas it shared with have done so (or three heartbeats passed): the first one back would
 * otherwise find a window holding only its own calls and spend the others' part again. No call fails because
 * Redis failed: the worst it costs is a slower pace.
 */
import { randomUUID } from 'node:crypto';
import type { ChainableCommander, Redis } from 'ioredis';
import type { Quota } from './families.js';
import { aggregateFamilies, RateLimiter, slotMarginMs, untouched, type Acquired, type FamilyStanding, type QuotaLimiter, type QuotaUsage } from './rate-limiter.js';

/** Where the limiter takes its figures from: the shared windows, or this replica's own share while Redis is away. */
export type QuotaMode = 'shared' | 'fallback';

export interface SharedRateLimiterOptions {
  /** The quota windows' connection (src/server/redis.ts). */
  redis: Redis;
  /**
   * Longest a command on the windows may take (QUOTA_REDIS_DEADLINE_MS): a reservation or heartbeat past it puts this
   * replica on its share. Without it, the connection's own command timeout is the deadline.
   */
  deadlineMs?: number;
  maxWaitMs: number;
  /** False: count in the shared windows, never hold a call back (WORKATO_RATE_LIMIT=off). */
  enforcing: boolean;
  /** Replicas assumed for the fallback share until a heartbeat has counted them (QUOTA_FALLBACK_REPLICAS). */
  fallbackReplicas: number;
  /** How often a replica says it is alive (ms); it counts as gone after three missed beats. */
  heartbeatMs?: number;
  /** How often a replica in fallback asks whether Redis is back (ms). */
  probeMs?: number;
  /** Told once per change of mode, with the Redis failure that caused a fallback. */
  onModeChange?: (mode: QuotaMode, detail: { replicas: number; error?: string }) => void;
}

// Shared Lua: the standing of one window at `now` → used, queued, ms until the next slot frees (-1: none counted),
// ms left of a Retry-After block (0: none).
const STANDING = `
local function standing(key, blockedKey, window, now)
  local used = redis.call('ZCOUNT', key, '(' .. (now - window), '+inf')
  local queued = redis.call('ZCOUNT', key, '(' .. now, '+inf')
  local blockedIn = math.max(0, tonumber(redis.call('GET', blockedKey) or '0') - now)
  local resetIn = -1
  if blockedIn > 0 then
    resetIn = blockedIn
  elseif used > 0 then
    local oldest = redis.call('ZRANGEBYSCORE', key, '(' .. (now - window), '+inf', 'WITHSCORES', 'LIMIT', 0, 1)
    resetIn = tonumber(oldest[2]) + window - now
  end
  return used, queued, resetIn, blockedIn
end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
`;

/**
 * KEYS: window set, Retry-After key. ARGV: limit, windowMs, maxWaitMs, enforce (1/0), margin ms, member id.
 * → { admitted 1/0, wait ms (admitted) or ms until a slot (refused), used, queued, resetIn, blockedIn, redis now }.
 */
const RESERVE = `${STANDING}
local key, blockedKey = KEYS[1], KEYS[2]
local limit, window, maxWait, enforce, margin, member = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), ARGV[4] == '1', tonumber(ARGV[5]), ARGV[6]
local blocked = tonumber(redis.call('GET', blockedKey) or '0')
local count = redis.call('ZCARD', key)
local admitted, at = 1, now
if enforce then
  local floor = math.max(now, blocked)
  if blocked > now and blocked - now > maxWait then
    admitted, at = 0, blocked
  elseif count < limit then
    at = floor
  else
    local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
    at = math.max(floor, tonumber(oldest[2]) + window + margin)
    if at - now > maxWait then admitted = 0 end
  end
end
if admitted == 1 then
  redis.call('ZADD', key, at, member)
  if count + 1 > limit then redis.call('ZREMRANGEBYRANK', key, 0, count - limit) end
end
redis.call('PEXPIRE', key, 2 * window + maxWait + margin)
local used, queued, resetIn, blockedIn = standing(key, blockedKey, window, now)
return { admitted, at - now, used, queued, resetIn, blockedIn, now }
`;

/** KEYS: window set, Retry-After key. ARGV: retry-after ms. Keeps the later deadline. → redis now. */
const BLOCK = `${STANDING}
local until = now + tonumber(ARGV[1])
local current = tonumber(redis.call('GET', KEYS[2]) or '0')
if until > current then redis.call('SET', KEYS[2], until, 'PX', tonumber(ARGV[1]) + 1000) end
return now
`;

/** KEYS: window set, Retry-After key. ARGV: windowMs. → { used, queued, resetIn, blockedIn, redis now }. */
const READ = `${STANDING}
local used, queued, resetIn, blockedIn = standing(KEYS[1], KEYS[2], tonumber(ARGV[1]), now)
return { used, queued, resetIn, blockedIn, now }
`;

/**
 * KEYS: window set. ARGV: limit, windowMs, then pairs of (redis time, member): calls a replica sent on its own
 * share while Redis was away, so that the shared window counts them once it is back.
 */
const REPLAY = `
local limit, window = tonumber(ARGV[1]), tonumber(ARGV[2])
for i = 3, #ARGV, 2 do redis.call('ZADD', KEYS[1], tonumber(ARGV[i]), ARGV[i + 1]) end
local count = redis.call('ZCARD', KEYS[1])
if count > limit then redis.call('ZREMRANGEBYRANK', KEYS[1], 0, count - limit - 1) end
redis.call('PEXPIRE', KEYS[1], 3 * window)
return count
`;

/**
 * KEYS: replica set, epoch key. ARGV: replica id, ttl ms (0: leave), an epoch to set if there is none.
 * → { replicas alive, epoch }. The epoch names this Redis's lifetime: a Redis restarted without its data has a new one.
 */
const HEARTBEAT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
if tonumber(ARGV[2]) > 0 then redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1]) else redis.call('ZREM', KEYS[1], ARGV[1]) end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
local epoch = redis.call('GET', KEYS[2])
if not epoch then
  epoch = ARGV[3]
  redis.call('SET', KEYS[2], epoch)
end
return { redis.call('ZCARD', KEYS[1]), epoch }
`;

interface Scripts {
  wgwQuotaReserve(key: string, blockedKey: string, ...args: Array<string | number>): Promise<number[]>;
  wgwQuotaBlock(key: string, blockedKey: string, retryAfterMs: number): Promise<number>;
  wgwQuotaRead(key: string, blockedKey: string, windowMs: number): Promise<number[]>;
  wgwQuotaReplay(key: string, ...args: Array<string | number>): Promise<number>;
  wgwReplicas(key: string, epochKey: string, id: string, ttlMs: number, epoch: string): Promise<[number, string]>;
}

/** What Redis last said of one window, in this process's clock. */
interface Seen {
  quota: Quota;
  usage: QuotaUsage;
  /** When it was said (local epoch ms). */
  at: number;
}

const PREFIX = 'wgw:';
// One hash tag: both keys of the heartbeat script live in one Redis Cluster slot.
const REPLICAS_KEY = `${PREFIX}{meta}:replicas`;
const EPOCH_KEY = `${PREFIX}{meta}:epoch`;

export class SharedRateLimiter implements QuotaLimiter {
  readonly enforcing: boolean;
  /** Every call this replica sent, per key, up to the full quota: what it gives back to a Redis that lost them. */
  private readonly sent = new RateLimiter(0, Date.now, false);
  /** While Redis is away: this replica's own limiter at its share, seeded per key with its calls of the window. */
  private fallback: { limiter: RateLimiter; seeded: Set<string> } | undefined;
  /** The calls sent on the share since the fallback began, per key, with the member ids they were sent to Redis as. */
  private readonly offline = new Map<string, { quota: Quota; calls: Array<{ at: number; member: string }> }>();
  private readonly seen = new Map<string, Seen>();
  private readonly redis: Redis & Scripts;
  private readonly id = randomUUID();
  private sequence = 0;
  private modeNow: QuotaMode = 'shared';
  private replicasSeen: number | undefined;
  /** The replicas this one shared with when it fell back: its share never grows while Redis is away. */
  private replicasAtFallback: number | undefined;
  /** Back from a Redis that came back empty: on the share until `expected` replicas gave back their calls. */
  private rejoin: { epoch: string; expected: number; until: number } | undefined;
  private counts: Array<{ at: number; replicas: number }> = [];
  /** The lifetime of the Redis last seen (HEARTBEAT); `epochChanged` once a new one replaced it. */
  private epoch: string | undefined;
  private epochChanged = false;
  /** Redis clock minus ours (ms), from the last answer: Redis times are converted with it. */
  private offset = 0;
  private heartbeatTimer: NodeJS.Timeout | undefined;
  private probeTimer: NodeJS.Timeout | undefined;
  private lastSweep = Date.now();

  constructor(private readonly options: SharedRateLimiterOptions) {
    this.enforcing = options.enforcing;
    const redis = options.redis as Redis & Scripts;
    redis.defineCommand('wgwQuotaReserve', { numberOfKeys: 2, lua: RESERVE });
    redis.defineCommand('wgwQuotaBlock', { numberOfKeys: 2, lua: BLOCK });
    redis.defineCommand('wgwQuotaRead', { numberOfKeys: 2, lua: READ });
    redis.defineCommand('wgwQuotaReplay', { numberOfKeys: 1, lua: REPLAY });
    redis.defineCommand('wgwReplicas', { numberOfKeys: 2, lua: HEARTBEAT });
    this.redis = redis;
  }

  /** Registers this replica and keeps its heartbeat going; resolves after the first beat (or its failure). */
  async start(): Promise<void> {
    const every = this.options.heartbeatMs ?? 5_000;
    await this.heartbeat(every * 3);
    this.heartbeatTimer = setInterval(() => void this.heartbeat(every * 3), every);
    this.heartbeatTimer.unref();
  }

  /** Leaves the replica set (so the others' shares grow at once) and stops the timers. */
  async close(): Promise<void> {
    clearInterval(this.heartbeatTimer);
    clearInterval(this.probeTimer);
    await this.redis.wgwReplicas(REPLICAS_KEY, EPOCH_KEY, this.id, 0, randomUUID()).catch(() => undefined);
  }

  /** `shared` while Redis answers in time; `fallback` while each replica keeps to its share. */
  mode(): QuotaMode {
    return this.modeNow;
  }

  /** Replicas counted by the last heartbeat; undefined before one succeeded. */
  replicas(): number | undefined {
    return this.replicasSeen;
  }

  async acquire(key: string, quota: Quota): Promise<Acquired> {
    this.sweep();
    if (this.modeNow === 'shared') {
      try {
        const [admitted, waitMs, used, queued, resetIn, blockedIn, redisNow] = await this.inTime(
          this.redis.wgwQuotaReserve(
            windowKey(key),
            blockedKey(key),
            quota.limit,
            quota.windowMs,
            this.options.maxWaitMs,
            this.enforcing ? 1 : 0,
            slotMarginMs(quota.windowMs),
            this.member(),
          ),
        );
        const now = Date.now();
        this.offset = redisNow! - now;
        this.remember(key, quota, now, used!, queued!, resetIn!, blockedIn!);
        if (!admitted) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs! / 1000)), quota };
        this.sent.record(key, quota, now + waitMs!);
        if (waitMs! > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
        return { ok: true, waitMs: waitMs! };
      } catch (error) {
        this.fallBack(error);
      }
    }
    const slot = await this.onShare(key, quota).acquire(key, this.share(quota));
    if (slot.ok) this.sentOnShare(key, quota, Date.now());
    return slot;
  }

  /**
   * A call sent on this replica's share. Redis may only be slow rather than gone (a missed deadline): the call is
   * also sent there, unawaited, so the replicas still on the shared windows count it as soon as it arrives. Its
   * member id is kept, so the replay on return adds it once whether or not that send arrived.
   */
  private sentOnShare(key: string, quota: Quota, at: number): void {
    this.sent.record(key, quota, at);
    const member = this.member();
    const calls = this.offline.get(key) ?? { quota, calls: [] };
    calls.calls.push({ at, member });
    this.offline.set(key, calls);
    this.redis.wgwQuotaReplay(windowKey(key), quota.limit, quota.windowMs, Math.round(at + this.offset), member).catch(() => undefined);
  }

  /**
   * The fallback limiter, knowing what `key`'s current window already holds: this replica's own calls, and the
   * other replicas' as Redis last counted them (placed at the moment it said so, the latest they can have been).
   * Without the others' calls a replica that had sent less than its share would add the difference to a window the
   * others had already filled; with them, each replica's fallback calls plus everything before stay inside the limit.
   */
  private onShare(key: string, quota: Quota): RateLimiter {
    this.fallback ??= { limiter: new RateLimiter(this.options.maxWaitMs, Date.now, this.enforcing), seeded: new Set() };
    const { limiter, seeded } = this.fallback;
    if (!seeded.has(key)) {
      seeded.add(key);
      const share = this.share(quota);
      const own = this.sent.callsSince(key, 0);
      const seen = this.seen.get(key);
      const times = [...own];
      if (seen && seen.at + quota.windowMs > Date.now()) {
        const others = Math.max(0, seen.usage.used - own.filter((t) => t <= seen.at).length);
        for (let i = 0; i < Math.min(others, share.limit); i++) times.push(seen.at);
      }
      // In time order: the ring keeps the newest `share` calls, oldest first.
      for (const at of times.sort((a, b) => a - b)) limiter.record(key, share, at);
    }
    return limiter;
  }

  block(key: string, quota: Quota, untilMs: number): void {
    if (this.modeNow !== 'shared') {
      this.onShare(key, quota).block(key, this.share(quota), untilMs);
      return;
    }
    // The other replicas learn it through Redis; if Redis cannot take it now, this replica still holds back.
    this.redis.wgwQuotaBlock(windowKey(key), blockedKey(key), Math.max(0, untilMs - Date.now())).catch(() => undefined);
  }

  usage(key: string, quota: Quota): QuotaUsage {
    if (this.modeNow === 'fallback') return this.onShare(key, quota).usage(key, this.share(quota));
    const seen = this.seen.get(key);
    if (!seen || seen.quota.windowMs !== quota.windowMs || seen.at + quota.windowMs <= Date.now()) {
      return untouched(quota);
    }
    return seen.usage;
  }

  callerFamilies(caller: string): Array<{ family: string; quota: Quota; usage: QuotaUsage }> {
    if (this.modeNow === 'fallback') return this.fallback?.limiter.callerFamilies(caller) ?? [];
    const prefix = `${caller}|`;
    const out: Array<{ family: string; quota: Quota; usage: QuotaUsage }> = [];
    for (const [key, seen] of this.seen) {
      if (key.startsWith(prefix)) out.push({ family: key.slice(prefix.length), quota: seen.quota, usage: this.usage(key, seen.quota) });
    }
    return out;
  }

  families(): Map<string, FamilyStanding> {
    if (this.modeNow === 'fallback') return this.fallback?.limiter.families() ?? new Map();
    return aggregateFamilies([...this.seen].map(([key, seen]) => ({ key, quota: seen.quota, usage: this.usage(key, seen.quota) })));
  }

  /** Asks Redis for the caller's windows in `families` (one pipeline); what it cannot answer keeps its last figure. */
  async refresh(caller: string, families: ReadonlyArray<{ name: string; quota: Quota }>): Promise<void> {
    if (this.modeNow !== 'shared' || families.length === 0) return;
    const pipeline = this.pipeline();
    for (const family of families) {
      const key = `${caller}|${family.name}`;
      void pipeline.wgwQuotaRead(windowKey(key), blockedKey(key), family.quota.windowMs);
    }
    const answers = await this.inTime(pipeline.exec()).catch(() => null);
    const now = Date.now();
    answers?.forEach(([error, value], i) => {
      if (error || !Array.isArray(value)) return;
      const [used, queued, resetIn, blockedIn] = value as number[];
      const family = families[i]!;
      // An untouched window is left out, as the in-process limiter leaves out keys it never saw.
      if (used! > 0 || resetIn! >= 0) this.remember(`${caller}|${family.name}`, family.quota, now, used!, queued!, resetIn!, blockedIn!);
    });
  }

  /** A pipeline that knows the scripts (ioredis adds defined commands to pipelines too; its types do not say so). */
  private pipeline(): ChainableCommander & Scripts {
    return this.redis.pipeline() as ChainableCommander & Scripts;
  }

  /** The quota this replica keeps to on its own: an even part of the limit, at least one call. */
  private share(quota: Quota): Quota {
    // A heartbeat into a Redis that came back empty counts one replica: the share stays the one of the outage.
    const replicas = Math.max(this.replicasSeen ?? this.options.fallbackReplicas, this.replicasAtFallback ?? 0);
    return replicas <= 1 ? quota : { limit: Math.max(1, Math.floor(quota.limit / replicas)), windowMs: quota.windowMs };
  }

  private remember(key: string, quota: Quota, now: number, used: number, queued: number, resetIn: number, blockedIn: number): void {
    this.seen.set(key, {
      quota,
      at: now,
      usage: { used, queued, remaining: blockedIn > 0 ? 0 : Math.max(0, quota.limit - used), resetAt: resetIn >= 0 ? now + resetIn : undefined },
    });
  }

  /**
   * `reply`, or a failure after the deadline. The failure waits for the event loop's check phase (setImmediate),
   * which comes after the poll phase that reads sockets: a reply that arrived while the loop was busy (a 15 ms
   * stretch of JSON work) wins over a timer that expired meanwhile. ioredis's command timeout fired first there,
   * and a replica beside a healthy Redis fell back to its share for nothing.
   */
  private inTime<T>(reply: Promise<T>): Promise<T> {
    const ms = this.options.deadlineMs;
    if (ms === undefined) return reply;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => setImmediate(() => reject(new Error(`Redis did not answer in ${ms} ms`))), ms);
      reply.then(
        (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        (error: unknown) => {
          clearTimeout(timer);
          reject(error);
        },
      );
    });
  }

  private member(): string {
    return `${this.id}:${(this.sequence = (this.sequence + 1) % Number.MAX_SAFE_INTEGER)}`;
  }

  /** Says this replica is alive, counts the others, and learns Redis's epoch; false when Redis did not answer. */
  private async heartbeat(ttlMs: number): Promise<boolean> {
    const before = this.replicasSeen;
    try {
      const [replicas, epoch] = await this.inTime(this.redis.wgwReplicas(REPLICAS_KEY, EPOCH_KEY, this.id, ttlMs, randomUUID()));
      // The most replicas counted over the last three beats: right after a Redis restart the set fills up one beat at
      // a time, and a share computed from a half-filled set would be too large.
      const now = Date.now();
      const every = this.options.heartbeatMs ?? 5_000;
      this.counts = [...this.counts.filter((c) => c.at > now - 3 * every), { at: now, replicas: Math.max(1, replicas) }];
      this.replicasSeen = Math.max(...this.counts.map((c) => c.replicas));
      if (this.epoch !== epoch) {
        this.epochChanged = this.epoch !== undefined;
        this.epoch = epoch;
        // Redis restarted empty between two beats without this replica noticing: to the share, and the probe gives
        // back this replica's calls and waits for the others'.
        if (this.epochChanged && this.modeNow === 'shared') this.fallBack(new Error('Redis came back empty'), before);
      }
      return true;
    } catch (error) {
      this.fallBack(error);
      return false;
    }
  }

  private fallBack(error: unknown, replicas = this.replicasSeen): void {
    if (this.modeNow === 'fallback') return;
    this.modeNow = 'fallback';
    this.replicasAtFallback = replicas ?? this.options.fallbackReplicas;
    this.options.onModeChange?.('fallback', { replicas: this.replicasSeen ?? this.options.fallbackReplicas, error: (error as Error)?.message });
    this.probeTimer = setInterval(() => void this.probe(), this.options.probeMs ?? 500);
    this.probeTimer.unref();
  }

  /**
   * Redis answers again: the shared windows first learn this replica's calls sent on its share since the fallback
   * (or all its calls of the window, when Redis came back empty: a restart without persistence), then take over.
   */
  private async probe(): Promise<void> {
    try {
      const every = this.options.heartbeatMs ?? 5_000;
      if (!(await this.heartbeat(3 * every)) || this.modeNow !== 'fallback') return;
      const emptied = this.epochChanged;
      if (!(await this.replay(emptied))) return; // again at the next probe
      // Replayed: what is sent from now on reaches Redis through its unawaited copy, or the next replay.
      this.offline.clear();
      if (emptied) {
        this.epochChanged = false;
        this.rejoin = { epoch: this.epoch!, expected: this.replicasAtFallback ?? 1, until: Date.now() + 3 * every };
      }
      if (this.rejoin) {
        // A replica that stopped during the outage never gives back its calls: after three heartbeats it counts as gone.
        const replayed = await this.redis.scard(replayedKey(this.rejoin.epoch));
        if (replayed < this.rejoin.expected && Date.now() < this.rejoin.until) return;
        this.rejoin = undefined;
      }
      clearInterval(this.probeTimer);
      this.fallback = undefined;
      this.replicasAtFallback = undefined;
      this.modeNow = 'shared';
      this.options.onModeChange?.('shared', { replicas: this.replicasSeen ?? 1 });
    } catch {
      // Still away: stay on the share.
    }
  }

  /**
   * Gives the shared windows this replica's calls of the current windows: those sent on its share (`everything`
   * false; under the member ids they were first sent as, so none counts twice), or all it sent (a Redis that came
   * back empty; this replica then also signs the epoch's list of replicas that gave theirs back).
   */
  private async replay(everything: boolean): Promise<boolean> {
    const pipeline = this.pipeline();
    const now = Date.now();
    let keys = 0;
    const windows = everything
      ? this.sent.keys().map(({ key, quota }) => ({ key, quota, calls: this.sent.callsSince(key, 0).map((at) => ({ at, member: this.member() })) }))
      : [...this.offline].map(([key, { quota, calls }]) => ({ key, quota, calls: calls.filter((c) => c.at > now - quota.windowMs) }));
    for (const { key, quota, calls } of windows) {
      if (calls.length === 0) continue;
      void pipeline.wgwQuotaReplay(windowKey(key), quota.limit, quota.windowMs, ...calls.flatMap((c) => [Math.round(c.at + this.offset), c.member]));
      keys++;
    }
    if (everything && this.epoch) {
      const signed = replayedKey(this.epoch);
      pipeline.sadd(signed, this.id).pexpire(signed, 10 * 60_000);
      keys++;
    }
    if (keys === 0) return true;
    const answers = await this.inTime(pipeline.exec()).catch(() => null);
    return answers !== null && !answers.some(([error]) => error);
  }

  /** Once a minute at most: forget what Redis said of windows long past. */
  private sweep(): void {
    const now = Date.now();
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    for (const [key, seen] of this.seen) if (seen.at + 2 * seen.quota.windowMs < now) this.seen.delete(key);
  }
}

function windowKey(key: string): string {
  return `${PREFIX}q:{${key}}`;
}

/** The replicas that gave back their calls to the Redis of `epoch` (HEARTBEAT), once it came back empty. */
function replayedKey(epoch: string): string {
  return `${PREFIX}{meta}:replayed:${epoch}`;
}

function blockedKey(key: string): string {
  return `${PREFIX}q:{${key}}:b`;
}
