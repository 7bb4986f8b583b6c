/**
 * The per-request context: a Workato client bound to this caller's token and a fresh set of loaders.
 * Nothing here outlives the request, so no cache or token can reach another caller.
 */
import { randomUUID } from 'node:crypto';
import type { YogaInitialContext } from 'graphql-yoga';
import { createLoaders, type Loaders } from '../loaders/index.js';
import { WorkatoApi, type Transport } from '../workato/http.js';

export interface GatewayContext {
  /** The incoming HTTP request (yoga's initial context). */
  request: Request;
  /** The caller's own workspace API (Embedded customer scopes hang off it via `forManagedUser`). */
  api: WorkatoApi;
  loaders: Loaders;
  /** Echoed in the `x-request-id` response header and in error extensions. */
  requestId: string;
}

export interface ContextOptions {
  baseUrl: string;
  /** Used when the request carries no `Authorization` header (server token or demo mode). */
  serverToken: string | undefined;
  transport: Transport;
}

/** What the caller presented: a bearer token, nothing, or something we refuse to forward. */
export type Credentials = { token: string } | { refused: string };

export function credentialsFrom(headers: Headers, serverToken: string | undefined): Credentials {
  const authorization = headers.get('authorization')?.trim();
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) return { refused: 'The Authorization header must be `Bearer <Workato API client token>`.' };
    return { token: match[1]! };
  }
  if (headers.has('x-user-token') || headers.has('x-user-email')) {
    // REFERENCE §2.2: the legacy key pair is rejected by Workato; never forward it.
    return { refused: 'Legacy X-USER-EMAIL/X-USER-TOKEN authentication is no longer accepted by Workato. Send `Authorization: Bearer <API client token>`.' };
  }
  if (serverToken) return { token: serverToken };
  return { refused: 'No Workato token: send `Authorization: Bearer <Workato API client token>`.' };
}

export function createContextFactory(options: ContextOptions) {
  return ({ request }: YogaInitialContext): GatewayContext => {
    const credentials = credentialsFrom(request.headers, options.serverToken);
    const api =
      'token' in credentials
        ? new WorkatoApi(options.transport, options.baseUrl, credentials.token)
        : WorkatoApi.refusing(options.transport, options.baseUrl, credentials.refused);
    return {
      request,
      api,
      loaders: createLoaders(api),
      requestId: request.headers.get('x-request-id') ?? randomUUID(),
    };
  };
}
