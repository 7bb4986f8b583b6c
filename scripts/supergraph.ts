/**
 * The supergraph the router of deploy/compose.yaml serves: the published subgraph SDL (published/subgraph.graphql,
 * kept equal to schema/ by `npm run schema:check`) composed alone, with the URL at which the router reaches the
 * replicas. `npm run schema:print` rewrites it with the published SDL; test/deploy.test.ts fails when it is stale.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { composeServices } from '@theguild/federation-composition';
import { parse } from 'graphql';

export const PUBLISHED_SUBGRAPH = fileURLToPath(new URL('../published/subgraph.graphql', import.meta.url));
export const DEPLOY_SUPERGRAPH = fileURLToPath(new URL('../deploy/router/supergraph.graphql', import.meta.url));

/**
 * The compose service and the Kubernetes Service are both named `workato-gateway` on port 4000, so one URL serves
 * both: Docker's DNS and the cluster's resolve the name to the replicas.
 */
export const SUBGRAPH_URL = 'http://workato-gateway:4000/graphql';

export function composeDeploySupergraph(subgraphSdl = readFileSync(PUBLISHED_SUBGRAPH, 'utf8')): string {
  const composed = composeServices([{ name: 'workato', typeDefs: parse(subgraphSdl), url: SUBGRAPH_URL }]);
  if (composed.errors?.length || !composed.supergraphSdl) {
    throw new Error(`The subgraph does not compose:\n${(composed.errors ?? []).map((e) => e.message).join('\n')}`);
  }
  return `${composed.supergraphSdl.trim()}\n`;
}
