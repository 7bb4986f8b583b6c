/**
 * A Federation v2 supergraph composed from running subgraphs, as a router's build step would: each subgraph is asked
 * for its SDL (`_service { sdl }`) and @theguild/federation-composition composes them. Used by the cluster's router
 * (router.ts) and the federation test.
 */
import { composeServices } from '@theguild/federation-composition';
import { parse } from 'graphql';

export interface SubgraphSource {
  name: string;
  /** The subgraph's GraphQL URL; the supergraph routes to it. */
  url: string;
  /** Sent with the SDL query (a subgraph that wants a credential even for `_service`). */
  headers?: Record<string, string>;
}

export async function subgraphSdl(source: SubgraphSource): Promise<string> {
  const response = await fetch(source.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...source.headers },
    body: JSON.stringify({ query: '{ _service { sdl } }' }),
  });
  const body = (await response.json()) as { data?: { _service?: { sdl?: string } } };
  const sdl = body.data?._service?.sdl;
  if (!sdl) throw new Error(`${source.name} (${source.url}) answered ${response.status} without an SDL`);
  return sdl;
}

/** The supergraph SDL of `sources`; throws with the composition's messages when they do not compose. */
export async function composeSupergraph(sources: SubgraphSource[]): Promise<string> {
  const services = await Promise.all(sources.map(async (source) => ({ name: source.name, url: source.url, typeDefs: parse(await subgraphSdl(source)) })));
  const composed = composeServices(services);
  if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join('\n'));
  return composed.supergraphSdl;
}
