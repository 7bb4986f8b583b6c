/**
 * The deployment manifests cannot drift from the gateway: every file under deploy/ parses, sets only variables
 * the configuration reads (a combination it accepts, over the image's own ENV), names only the gateway's port and
 * paths it answers, runs the Dockerfile's command, asks for at least the memory the benchmark measured, and gives
 * the router a supergraph composed from the current schema plus a config that carries the headers the gateway
 * reads. Nothing here runs Docker or Kubernetes: the probes are requested from a gateway started with the
 * manifests' own settings.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { composeDeploySupergraph, DEPLOY_SUPERGRAPH, SUBGRAPH_URL } from '../scripts/supergraph.js';
import { FORWARDED_HEADERS, gatewayConfig as routerConfig } from '../deploy/router/gateway.config.js';
import { CONFIG_VARIABLES, loadConfig } from '../src/config.js';
import { startGateway, type Gateway } from '../src/server/gateway.js';
import { CALLER_HEADERS } from '../src/server/yoga.js';
import { startSimulator, type Simulator } from '../src/simulator/index.js';
import { dockerfileCmd, dockerfileEnv, dockerfileHealthcheckPath } from './support/dockerfile.js';
import { REDIS_MISSING, redisServerAvailable, startRedis, type RedisServer } from './support/redis.js';

const DEPLOY = new URL('../deploy/', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, DEPLOY), 'utf8');
const SECRET_VARIABLES = ['WORKATO_API_TOKEN', 'TOKEN_HASH_KEY', 'GATEWAY_API_KEYS'];

type Manifest = Record<string, any>;

function filesUnder(dir: URL, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(new URL(`${entry.name}/`, dir), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
  );
}

const yamlFiles = filesUnder(DEPLOY).filter((file) => /\.ya?ml$/.test(file));
const documents = new Map<string, Manifest[]>(
  yamlFiles.map((file) => {
    const docs = parseAllDocuments(read(file));
    for (const doc of docs) if (doc.errors.length) throw new Error(`${file}: ${doc.errors.map((e) => e.message).join('; ')}`);
    return [file, docs.map((doc) => doc.toJS() as Manifest)];
  }),
);

const k8s = [...documents].filter(([file]) => file.startsWith('k8s/') && !file.endsWith('kustomization.yaml')).flatMap(([, docs]) => docs);
const k8sObject = (kind: string, name: string): Manifest => {
  const found = k8s.find((o) => o.kind === kind && o.metadata?.name === name);
  if (!found) throw new Error(`deploy/k8s has no ${kind} ${name}`);
  return found;
};
const deployment = k8s.find((o) => o.kind === 'Deployment')!;
const podSpec = deployment.spec.template.spec;
const k8sContainer = podSpec.containers[0];

const compose = documents.get('compose.yaml')![0]!;
/** The compose service built from the repository's Dockerfile: the gateway. */
const [gatewayServiceName, gatewayService] = Object.entries<Manifest>(compose.services).find(([, s]) => s.build)!;
const routerService: Manifest = Object.values<Manifest>(compose.services).find((s) => String(s.image).startsWith('ghcr.io/graphql-hive/gateway'))!;

/** KEY=VALUE lines, as compose reads an env_file. */
function envFile(text: string): Record<string, string> {
  return Object.fromEntries(
    text.split('\n').filter((l) => l.trim() && !l.trim().startsWith('#')).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
}

/** What a gateway container gets from compose: its env files (their committed .example) and `environment`. */
function composeEnv(): Record<string, string> {
  const files = [gatewayService.env_file ?? []].flat() as string[];
  return Object.assign({}, ...files.map((file) => envFile(read(`${file}.example`))), gatewayService.environment);
}

/** What the gateway container gets from Kubernetes: the ConfigMaps and Secrets of `envFrom`, then `env`. */
function k8sEnv(): Record<string, string> {
  const fromRefs = (k8sContainer.envFrom ?? []).map((ref: Manifest) =>
    ref.configMapRef ? k8sObject('ConfigMap', ref.configMapRef.name).data : k8sObject('Secret', ref.secretRef.name).stringData,
  );
  const direct = (k8sContainer.env ?? []).map((e: Manifest) => ({ [e.name]: e.value }));
  return Object.assign({}, ...fromRefs, ...direct);
}

/** Each topology's gateway environment: the image's `ENV`, then what the manifests set over it. */
const targets = { compose: { ...dockerfileEnv(), ...composeEnv() }, kubernetes: { ...dockerfileEnv(), ...k8sEnv() } };
const fetchUrl = (command: string[]): URL => new URL(/fetch\('([^']+)'\)/.exec(command.join(' '))![1]!);
const mebibytes = (quantity: string): number => {
  const [, n, unit] = /^(\d+)(Mi|Gi|M|G)$/.exec(quantity)!;
  return Number(n) * { Mi: 1, Gi: 1024, M: 1e6 / 2 ** 20, G: 1e9 / 2 ** 20 }[unit as 'Mi']!;
};
const seconds = (duration: string): number => Number(/^(\d+)s$/.exec(duration)![1]);

describe('deployment manifests (deploy/)', () => {
  it('parses every YAML file, and kustomization.yaml lists every Kubernetes manifest', () => {
    expect(yamlFiles).toEqual(expect.arrayContaining(['compose.yaml', 'k8s/deployment.yaml', 'k8s/kustomization.yaml']));
    const kustomization = documents.get('k8s/kustomization.yaml')![0]!;
    const manifests = yamlFiles.filter((f) => f.startsWith('k8s/') && f !== 'k8s/kustomization.yaml').map((f) => f.slice(4));
    expect([...kustomization.resources].sort()).toEqual(manifests.sort());
    expect(k8s.map((o) => o.kind)).toEqual(expect.arrayContaining(['ConfigMap', 'Deployment', 'HorizontalPodAutoscaler', 'PodDisruptionBudget', 'Secret', 'Service']));
    expect(k8s.filter((o) => o.kind === 'Deployment')).toHaveLength(1);
  });

  it.each(Object.entries(targets))('%s sets only variables the gateway reads, and a combination it accepts', (_name, env) => {
    expect(Object.keys(env).filter((v) => !(CONFIG_VARIABLES as readonly string[]).includes(v))).toEqual([]);
    const config = loadConfig(env);
    expect(config).toMatchObject({ demo: false, cache: { mode: 'redis' }, clientAuth: { openWithServerToken: false } });
    expect(config.serverToken).toBeDefined();
    expect(config.tokenHashKey).toBeDefined();
  });

  it('every key of every ConfigMap and Secret is a variable the gateway reads', () => {
    const keys = k8s.filter((o) => o.kind === 'ConfigMap' || o.kind === 'Secret').flatMap((o) => Object.keys(o.data ?? o.stringData));
    expect(keys.filter((v) => !(CONFIG_VARIABLES as readonly string[]).includes(v))).toEqual([]);
  });

  it('keeps the token and the hash key in a Secret or an env file, with placeholders, never inline', () => {
    const plain = { ...gatewayService.environment, ...k8s.filter((o) => o.kind === 'ConfigMap').reduce((all, o) => ({ ...all, ...o.data }), {}) };
    expect(SECRET_VARIABLES.filter((v) => v in plain)).toEqual([]);
    const secret = k8s.find((o) => o.kind === 'Secret')!.stringData;
    const example = envFile(read('secrets.env.example'));
    for (const variable of SECRET_VARIABLES) {
      expect(secret[variable]).toMatch(/^REPLACE_ME/);
      expect(example[variable]).toMatch(/^REPLACE_ME/);
    }
    expect(read('.gitignore').split('\n')).toContain(gatewayService.env_file);
  });

  it("names only the gateway's PORT (and the router's own)", () => {
    const port = loadConfig(targets.kubernetes).port;
    expect(k8sContainer.ports).toEqual([{ name: 'http', containerPort: port }]);
    const service = k8sObject('Service', new URL(SUBGRAPH_URL).hostname);
    expect(service.spec.ports).toEqual([{ name: 'http', port: Number(new URL(SUBGRAPH_URL).port), targetPort: 'http' }]);
    for (const probe of [podSpec.containers[0].readinessProbe, podSpec.containers[0].livenessProbe]) expect(probe.httpGet.port).toBe('http');

    const composePort = loadConfig(targets.compose).port;
    expect(gatewayService.expose).toEqual([String(composePort)]);
    expect(Number(fetchUrl(gatewayService.healthcheck.test).port)).toBe(composePort);
    expect(Number(new URL(SUBGRAPH_URL).port)).toBe(composePort);

    const routerPort = routerService.command[routerService.command.indexOf('--port') + 1];
    expect(routerService.ports).toEqual([`${routerPort}:${routerPort}`]);
    expect(fetchUrl(routerService.healthcheck.test).port).toBe(routerPort);
  });

  it("runs the Dockerfile's CMD, built from the repository's Dockerfile", () => {
    expect([...k8sContainer.command, ...(k8sContainer.args ?? [])]).toEqual(dockerfileCmd());
    expect(gatewayService.command ?? dockerfileCmd()).toEqual(dockerfileCmd());
    expect(existsSync(new URL(`${gatewayService.build.context}/${gatewayService.build.dockerfile}`, DEPLOY))).toBe(true);
  });

  it('asks for at least the peak memory the benchmark measured, and says which figure it used', () => {
    const peaks = readFileSync(new URL('../bench/RESULTS.md', import.meta.url), 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('|'))
      .map((line) => /\|\s*(\d+) MB\s*\|\s*$/.exec(line)?.[1])
      .filter(Boolean)
      .map(Number);
    expect(peaks.length).toBeGreaterThan(0);
    const peak = Math.max(...peaks); // bench/report.ts: MB = 1024 × 1024 bytes
    const { requests, limits } = k8sContainer.resources;
    expect(mebibytes(requests.memory)).toBeGreaterThanOrEqual(peak);
    expect(mebibytes(limits.memory)).toBeGreaterThanOrEqual(mebibytes(requests.memory));
    expect(read('k8s/deployment.yaml')).toContain(`peak RSS is ${peak} MB`);
    expect(read('README.md')).toContain(`peak RSS is ${peak} MB`);
  });

  it('gives a stopping replica time to drain: preStop pause plus SHUTDOWN_TIMEOUT_MS fit the grace period', () => {
    const k8sDrain = loadConfig(targets.kubernetes).shutdownTimeoutMs / 1000;
    const pause = Number(k8sContainer.lifecycle.preStop.exec.command[1]);
    expect(k8sContainer.lifecycle.preStop.exec.command[0]).toBe('sleep');
    expect(podSpec.terminationGracePeriodSeconds).toBeGreaterThanOrEqual(pause + k8sDrain + 5);
    expect(seconds(gatewayService.stop_grace_period)).toBeGreaterThanOrEqual(loadConfig(targets.compose).shutdownTimeoutMs / 1000 + 5);
  });

  it('runs two or more replicas, kept by a PodDisruptionBudget and scaled on CPU', () => {
    expect(deployment.spec.replicas).toBeGreaterThanOrEqual(2);
    expect(gatewayService.deploy.replicas).toBeGreaterThanOrEqual(2);
    const labels = deployment.spec.template.metadata.labels;
    expect(deployment.spec.selector.matchLabels).toEqual(labels);
    const pdb = k8s.find((o) => o.kind === 'PodDisruptionBudget')!;
    expect(pdb.spec.selector.matchLabels).toEqual(labels);
    expect(pdb.spec.maxUnavailable).toBeLessThan(deployment.spec.replicas);
    const hpa = k8s.find((o) => o.kind === 'HorizontalPodAutoscaler')!;
    expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: deployment.metadata.name });
    expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
    expect(hpa.spec.metrics.map((m: Manifest) => m.resource.name)).toEqual(['cpu']);
    expect(k8sContainer.resources.requests.cpu).toBeDefined(); // the HPA's utilization is relative to it
    expect(k8sObject('Service', new URL(SUBGRAPH_URL).hostname).spec.selector).toEqual(labels);
  });

  it('points REDIS_URL at the Redis of each topology', () => {
    const k8sRedis = new URL(targets.kubernetes.REDIS_URL!).hostname;
    expect(k8sObject('Service', k8sRedis).spec.type).toBe('ExternalName');
    expect(compose.services[new URL(targets.compose.REDIS_URL!).hostname].image).toMatch(/^redis:/);
  });

  it('runs as non-root on a read-only root filesystem, with readiness on /readyz and liveness on /healthz', () => {
    expect(podSpec.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: expect.any(Number) });
    expect(k8sContainer.securityContext).toMatchObject({ readOnlyRootFilesystem: true, allowPrivilegeEscalation: false });
    expect(gatewayService.read_only).toBe(true);
    expect(k8sContainer.readinessProbe.httpGet.path).toBe('/readyz');
    expect(k8sContainer.livenessProbe.httpGet.path).toBe('/healthz');
    expect(fetchUrl(gatewayService.healthcheck.test).pathname).toBe('/healthz');
  });

  it("gives the router a supergraph composed from the current schema, naming the gateway's service and path", () => {
    expect(readFileSync(DEPLOY_SUPERGRAPH, 'utf8'), 'deploy/router/supergraph.graphql is stale: run `npm run schema:print`').toBe(composeDeploySupergraph());
    const url = new URL(SUBGRAPH_URL);
    expect(url.hostname).toBe(gatewayServiceName);
    expect(url.pathname).toBe(loadConfig(targets.compose).graphqlPath);
    expect(routerService.volumes).toEqual(['./router:/config:ro']);
    expect(routerService.command).toEqual(expect.arrayContaining(['/config/gateway.config.ts', '/config/supergraph.graphql']));
  });

  it('makes the router forward every header the gateway reads from a caller', () => {
    expect([...FORWARDED_HEADERS].sort()).toEqual([...CALLER_HEADERS].sort());
  });
});

const redisAvailable = redisServerAvailable();
if (!redisAvailable && process.env.CI === 'true') throw new Error(REDIS_MISSING);

describe.skipIf(!redisAvailable)(`a gateway started with the manifests' settings${redisAvailable ? '' : ` (skipped: ${REDIS_MISSING})`}`, () => {
  let redis: RedisServer;
  let sim: Simulator;
  const gateways: Partial<Record<keyof typeof targets, Gateway>> = {};
  let router: Server;
  let routerUrl: string;

  beforeAll(async () => {
    redis = await startRedis();
    sim = await startSimulator({ quiet: true });
    for (const [name, env] of Object.entries(targets) as Array<[keyof typeof targets, Record<string, string>]>) {
      // The manifests' own settings, pointed at loopback: the simulator for Workato, a local Redis for theirs.
      const { WORKATO_DATA_CENTER: _dataCenter, ...rest } = env;
      const config = loadConfig({
        ...rest, WORKATO_BASE_URL: sim.url, WORKATO_API_TOKEN: sim.token, REDIS_URL: redis.url, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'silent',
      });
      gateways[name] = await startGateway({ config, baseUrl: config.baseUrl!, serverToken: config.serverToken });
    }
    const supergraph = readFileSync(DEPLOY_SUPERGRAPH, 'utf8').replace(SUBGRAPH_URL, gateways.compose!.url);
    router = createServer(createGatewayRuntime({ ...routerConfig, supergraph, logging: false }));
    await new Promise<void>((resolve) => router.listen(0, '127.0.0.1', resolve));
    routerUrl = `http://127.0.0.1:${(router.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => router?.close(resolve));
    for (const gateway of Object.values(gateways)) await gateway.close();
    await sim?.close();
    await redis?.stop();
  });

  const origin = (gateway: Gateway) => new URL(gateway.url).origin;

  it('answers 200 on every probe path the manifests and the Dockerfile name', async () => {
    const k8sPaths = [k8sContainer.readinessProbe, k8sContainer.livenessProbe, k8sContainer.startupProbe].filter(Boolean).map((p) => p.httpGet.path);
    for (const path of k8sPaths) expect((await fetch(`${origin(gateways.kubernetes!)}${path}`)).status, path).toBe(200);
    for (const path of [fetchUrl(gatewayService.healthcheck.test).pathname, dockerfileHealthcheckPath()]) {
      expect((await fetch(`${origin(gateways.compose!)}${path}`)).status, path).toBe(200);
    }
  });

  it("serves the router's probes and a caller with an API key through the router's config and supergraph", async () => {
    expect((await fetch(`${routerUrl}${fetchUrl(routerService.healthcheck.test).pathname}`)).status).toBe(200);
    const apiKey = targets.compose.GATEWAY_API_KEYS!.split(',')[0]!;
    const query = (headers: Record<string, string>) =>
      fetch(`${routerUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: '{ me { name } }' }) })
        .then((r) => r.json() as Promise<{ data?: any; errors?: Array<{ extensions?: { code?: string } }> }>);
    sim.resetCounts();
    const answered = await query({ 'x-api-key': apiKey });
    expect(answered.errors).toBeUndefined();
    expect(answered.data.me.name).toEqual(expect.any(String));
    expect(sim.counts()).toEqual({ 'GET /api/users/me': 1 });
    // Without the key the gateway itself refuses the caller: the router's forwarding is what let the first one in.
    const refused = await query({});
    expect(refused.data?.me ?? null).toBeNull();
    expect(refused.errors?.length).toBeGreaterThan(0);
    expect(sim.counts()).toEqual({ 'GET /api/users/me': 1 });
  });

  it('carries a subscription through the router as server-sent events, with the caller forwarded', async () => {
    const apiKey = targets.compose.GATEWAY_API_KEYS!.split(',')[0]!;
    const response = await fetch(`${routerUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', 'x-api-key': apiKey },
      body: JSON.stringify({ query: 'subscription { packageStatus(id: "1") { status } }' }),
    });
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    // Package 1 does not exist: the gateway's own NOT_FOUND, read from Workato with the server token, is the event.
    expect(await response.text()).toMatch(/event: next\ndata: .*"code":"NOT_FOUND"/);
  });
});
