/**
 * `npm run cluster`: several gateway replicas behind a federation router, on this machine (scripts/cluster/index.ts).
 * ROUTER_PORT (default 4000) and REPLICAS (default 2) choose the shape; Ctrl-C stops everything. With
 * OTEL_EXPORTER_OTLP_ENDPOINT set, the replicas export their spans there (run this script with
 * `--import ./scripts/otel-setup.mjs` for the router's too).
 */
import { startCluster } from './index.js';

const cluster = await startCluster({
  routerPort: Number(process.env.ROUTER_PORT ?? 4000),
  replicas: Number(process.env.REPLICAS ?? 2),
  otlpEndpoint: process.env.OTEL_EXPORTER_OTLP_ENDPOINT,
  log: (line) => console.log(line),
});
console.log(`Cluster ready on loopback:
  router (Hive Gateway, the supergraph): ${cluster.routerUrl}
  replicas (GraphiQL on each):           ${cluster.replicas.map((r) => r.url).join('  ')}
  Redis (quotas, response cache):        ${cluster.redis.url}
  Workato simulator (documented quotas): ${cluster.sim.url}
The router sends the replicas X-API-Key: ${cluster.apiKey}
Try: curl -s ${cluster.routerUrl} -H 'content-type: application/json' -d '{"query":"{ me { name } }"}'`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log('Stopping the cluster…');
    void cluster.close().then(() => process.exit(0));
  });
}
