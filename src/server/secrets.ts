/**
 * Secrets Workato hands out — API client tokens, API keys and their secrets, on-prem activation codes — may appear
 * only in the answer that created or revealed them. One list per concern, one line per family:
 * - their wire field names, which the logger redacts wherever they appear in a logged object (logger.ts);
 * - the schema coordinates (`Type.field`, or a type name) that carry them, whose results the response cache never
 *   stores (plugins/response-cache.ts, `ttlPerSchemaCoordinate` 0), together with live reads that must not be replayed.
 */

/** Wire (and GraphQL) field names that hold a secret, e.g. `auth_token`, redacted at any depth the logger sees. */
export const SECRET_FIELD_NAMES: readonly string[] = [
  'auth_token', 'authToken', 'api_token', 'jwt_secret', 'jwtSecret', // §22 API platform keys and clients
  'client_secret', 'clientSecret', // §28 custom OAuth profiles: the app's secret in create/update bodies and inputs
  'activation_code', 'activationCode', // §24 on-prem agent activation code
  'token', // §21 developer API client tokens in create/regenerate answers, down to `*.*.token` (`{body: {result: {token}}}`)
  'mcp_url', // §28 MCP servers: a legacy token server's URL carries its token (`wkt_token`); the gateway exposes it stripped
];

/**
 * Schema coordinates whose presence in a query result keeps the result out of the response cache: the secrets above,
 * and live reads that a stored answer would falsify.
 */
export const UNCACHED_SCHEMA_COORDINATES: readonly string[] = [
  'ApiKeyCreatePayload.authToken', 'ApiKeySecretRefreshPayload.authToken', // §22 API platform keys
  'OnPremAgentActivationCodeRevealPayload', 'OnPremAgentActivationCodeRevealPayload.activationCode', // §24
  'DeveloperApiClientCreatePayload.token', 'DeveloperApiClientTokenRegeneratePayload.token', // §21
  'Query.workatoQuota', // the gateway's live quota figures
  'EventTopic.messages', // §26: no secret, but a live read of a moving stream: a stored batch would replay old messages
  // No secret either, but built from the caller's Host header when PUBLIC_URL is unset: a stored answer would hand
  // one caller's (possibly forged) host to the next, who would send its credentials there to download.
  'Package.downloadUrl',
];
