/**
 * Hive Gateway as the router of deploy/compose.yaml (`hive-gateway -c /config/gateway.config.ts supergraph
 * /config/supergraph.graphql`). The Workato gateway authenticates every caller itself, so the router hands it
 * the caller's credentials and switches unchanged; nothing else. test/deploy.test.ts runs this config in front of
 * a gateway and checks the list against the headers the gateway reads (src/server/yoga.ts CALLER_HEADERS).
 */
import type { GatewayConfigSupergraph } from '@graphql-hive/gateway-runtime';

const FORWARDED_HEADERS = ['authorization', 'x-api-key', 'x-gateway-authorization', 'x-request-id', 'x-workato-trace', 'x-workato-explain'];

export const gatewayConfig = {
  propagateHeaders: {
    fromClientToSubgraphs: ({ request }) =>
      Object.fromEntries(FORWARDED_HEADERS.flatMap((name) => {
        const value = request.headers.get(name);
        return value === null ? [] : [[name, value]];
      })),
  },
} satisfies Partial<GatewayConfigSupergraph>;

export { FORWARDED_HEADERS };
