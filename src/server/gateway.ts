/**
 * The gateway as one object: schema, shared upstream transport (quotas, breaker, retries), metrics, the optional
 * response cache store, the reference cache, yoga and the node HTTP server. main.ts starts it from the config; tests start it on port 0.
 * `close()` drains: /readyz turns 503, new requests are refused, in-flight ones finish (up to SHUTDOWN_TIMEOUT_MS),
 * then the connections, the undici pools and the cache store are closed, and batched spans are sent (OTEL_TRACING).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { transportSettingsOf, type Config } from '../config.js';
import { createTransport, type Transport, type UpstreamCall } from '../workato/http.js';
import { BATCHED, UNBATCHED } from '../loaders/options.js';
import { ReferenceCache } from '../loaders/reference-cache.js';
import { memoryReferenceStore, redisReferenceStore } from '../loaders/reference-store.js';
import { createCacheStore } from './cache-store.js';
import { jwtHeader, loadJwtSupport } from './plugins/client-auth.js';
import { createHttpHandler } from './http-handler.js';
import { createLogger, type Logger } from './logger.js';
import { createMetrics, type GatewayMetrics } from './metrics.js';
import { createPersistedQueryStore } from './persisted-query-store.js';
import { closeRedis, connectRedis } from './redis.js';
import { attachWebSockets } from './websocket.js';
import { loadTracing } from './tracing.js';
import { SharedRateLimiter } from '../workato/shared-rate-limiter.js';
import { buildSchema } from './schema.js';
import { createGatewayYoga, type GatewayYoga } from './yoga.js';

export interface GatewayOptions {
  config: Config;
  /** The Workato API root (ends in /api); in demo mode, the simulator's. */
  baseUrl: string;
  serverToken: string | undefined;
  logger?: Logger;
  onUpstreamCall?: (call: UpstreamCall) => void;
}

export interface Gateway {
  yoga: GatewayYoga;
  server: Server;
  transport: Transport;
  /** Prometheus registry and upstream metrics; undefined with METRICS=false. */
  metrics?: GatewayMetrics;
  /** Requests being served right now. */
  inFlight(): number;
  /** http://host:port of the listening server. */
  origin: string;
  /** Full GraphQL endpoint URL. */
  url: string;
  close(): Promise<void>;
}

export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const { config } = options;
  const logger = options.logger ?? createLogger(config.logLevel);
  const metrics = config.metrics.enabled ? createMetrics() : undefined;
  const tracing = await loadTracing(config.tracing);
  const up = config.upstream;
  const quotas = await createSharedQuotas(config, logger, metrics);
  const transport = createTransport({
    ...transportSettingsOf(config),
    rateLimit: up.rateLimit ? { maxWaitMs: up.rateLimitMaxWaitMs } : undefined,
    limiter: quotas?.limiter,
    breaker: {
      threshold: up.breakerThreshold,
      cooldownMs: up.breakerCooldownMs,
      onChange: (origin, state, reqId) => {
        metrics?.breakerChanged(origin, state);
        logger.warn(`Circuit breaker for ${origin} is now ${state}`, reqId ? { reqId } : undefined);
      },
    },
    // The benchmark's N+1 reference stands for a client without any of the gateway's sharing.
    shareReads: !config.benchDisableBatching,
    tokenHashKey: config.tokenHashKey,
    onCall: (call) => {
      metrics?.upstreamCall(call);
      options.onUpstreamCall?.(call);
    },
    onRefused: (call) => metrics?.upstreamRefused(call),
    onSaved: metrics ? (read) => metrics.upstreamSaved(read) : undefined,
    tracer: tracing?.calls,
  });
  if (transport.limiter) metrics?.watchQuotas(transport.limiter);
  const cacheStore = await createCacheStore(config.cache, config.redisUrl, logger);
  const referenceCache = await createReferenceCache(config, logger);
  const persistedQueries = config.automaticPersistedQueries ? await createPersistedQueryStore(config.redisUrl, logger) : undefined;
  const jwtSupport = await loadJwtSupport(config);
  let handler: ReturnType<typeof createHttpHandler> | undefined;
  const yoga = createGatewayYoga({
    config,
    metrics,
    tracing,
    cacheStore,
    persistedQueries,
    referenceCache,
    jwtSupport,
    authorizationIsGatewayCredential: Boolean(config.clientAuth.jwt && options.serverToken && jwtHeader(options) === 'authorization'),
    readiness: () => ({
      ready: !handler?.draining(),
      checks: {
        ...(quotas ? { quotas: quotas.limiter.mode() } : {}),
        ...(cacheStore ? { responseCache: cacheStore.ready() ? 'up' : 'down' } : {}),
      },
    }),
    schema: buildSchema(),
    transport,
    baseUrl: options.baseUrl,
    serverToken: options.serverToken,
    graphqlPath: config.graphqlPath,
    graphiql: config.graphiql,
    logger,
    packagePollMs: config.packagePollMs,
    loaderMode: { ...(config.benchDisableBatching ? UNBATCHED : BATCHED), countKeys: tracing !== undefined },
  });
  handler = createHttpHandler(yoga, { maxBodyBytes: config.limits.maxBodyBytes, logger });
  const server = createServer(handler.listener);
  const sockets = config.websockets ? attachWebSockets(server, yoga, config, () => handler!.draining()) : undefined;
  if (sockets) metrics?.watchSockets(sockets.open);
  // Slow-client protection: headers within 15 s, the whole request within 30 s (responses may stream longer).
  server.headersTimeout = 15_000;
  server.requestTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const origin = `http://${host === '0.0.0.0' || host === '[::]' ? 'localhost' : host}:${address.port}`;
  return {
    yoga,
    server,
    transport,
    metrics,
    inFlight: () => handler.inFlight(),
    origin,
    url: `${origin}${config.graphqlPath}`,
    async close() {
      handler.drain();
      // Sockets first: their operations end (a subscription stops polling) before the pools close.
      await sockets?.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const drained = await handler.idle(config.shutdownTimeoutMs);
      if (!drained) logger.warn(`Shutdown: ${handler.inFlight()} request(s) still running after ${config.shutdownTimeoutMs} ms; closing them`);
      server.closeAllConnections();
      await closed;
      // Finished requests left nothing in flight upstream; a forced close may have: destroy what is left.
      await (drained ? transport.dispatcher.close() : transport.dispatcher.destroy());
      await cacheStore?.close();
      await quotas?.close();
      await referenceCache?.close();
      await persistedQueries?.close();
      await tracing?.flush();
    },
  };
}

/**
 * With REDIS_URL, the quota windows every replica shares (workato/shared-rate-limiter.ts), on a connection of their
 * own whose commands give up after QUOTA_REDIS_DEADLINE_MS: a slow Redis costs a call a few ms, never more.
 */
async function createSharedQuotas(config: Config, logger: Logger, metrics: GatewayMetrics | undefined) {
  if (!config.redisUrl) return undefined;
  // The deadline is the limiter's own (it lets a reply that arrived during a busy stretch win); the connection's
  // timeout only frees commands Redis never answers.
  const redis = await connectRedis(config.redisUrl, { purpose: 'Quotas', commandTimeoutMs: Math.max(1_000, config.sharedQuotas.deadlineMs) }, logger);
  let lastLogged = 0;
  let announced = false;
  const limiter = new SharedRateLimiter({
    redis,
    deadlineMs: config.sharedQuotas.deadlineMs,
    maxWaitMs: config.upstream.rateLimitMaxWaitMs,
    enforcing: config.upstream.rateLimit,
    fallbackReplicas: config.sharedQuotas.fallbackReplicas,
    onModeChange: (mode, { replicas, error }) => {
      metrics?.quotaModeChanged(mode);
      // A loaded Redis can miss the deadline now and then: one line a minute at most, the metric counts them all.
      if (mode === 'fallback' && Date.now() - lastLogged >= 60_000) {
        lastLogged = Date.now();
        announced = true;
        logger.warn(`Quotas: Redis did not answer in ${config.sharedQuotas.deadlineMs} ms; this replica keeps to its share (1/${replicas}) of each quota until it does`, { message: error });
      } else if (mode === 'shared' && announced) {
        announced = false;
        logger.info(`Quotas: shared through Redis again (${replicas} replica(s))`);
      }
    },
  });
  metrics?.quotaModeChanged('shared');
  await limiter.start();
  return {
    limiter,
    async close() {
      await limiter.close();
      await closeRedis(redis);
    },
  };
}

/**
 * One reference cache per process (REFERENCE_CACHE): in Redis when REDIS_URL is set, so replicas share entries and
 * drops, else in memory. Its Redis connection fails a command after 250 ms: a slow Redis costs a folder walk little
 * more than calling Workato would.
 */
async function createReferenceCache(config: Config, logger: Logger): Promise<ReferenceCache | undefined> {
  if (!config.referenceCache.enabled || config.benchDisableBatching) return undefined;
  const { ttlMs } = config.referenceCache;
  const onStoreFault = (message: string, error?: unknown) =>
    error ? logger.warn(message, { message: (error as Error)?.message }) : logger.info(message);
  if (!config.redisUrl) return new ReferenceCache(memoryReferenceStore(), { ttlMs, onStoreFault });
  const redis = await connectRedis(config.redisUrl, { purpose: 'Reference cache', commandTimeoutMs: 250 }, logger);
  // Kept well past the hard limit (2 × TTL): a generation must outlive any fill that read it (REFERENCE §5: 40 s).
  const store = redisReferenceStore(redis, 2 * ttlMs + 10 * 60_000, () => closeRedis(redis));
  return new ReferenceCache(store, { ttlMs, onStoreFault });
}
