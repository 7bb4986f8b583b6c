/**
 * The gateway as one object: schema, shared upstream transport, yoga and the node HTTP server.
 * main.ts starts it from the config; tests start it on port 0.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from '../config.js';
import { createTransport, type Transport, type UpstreamCall } from '../workato/http.js';
import { createLogger, type Logger } from './logger.js';
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
  /** http://host:port of the listening server. */
  origin: string;
  /** Full GraphQL endpoint URL. */
  url: string;
  close(): Promise<void>;
}

export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const { config } = options;
  const logger = options.logger ?? createLogger(config.logLevel);
  const transport = createTransport({ connections: config.upstreamConnections, timeouts: config.timeouts, onCall: options.onUpstreamCall });
  const yoga = createGatewayYoga({
    schema: buildSchema(),
    transport,
    baseUrl: options.baseUrl,
    serverToken: options.serverToken,
    graphqlPath: config.graphqlPath,
    graphiql: config.graphiql,
    logger,
  });
  const server = createServer(yoga);
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
    origin,
    url: `${origin}${config.graphqlPath}`,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await transport.dispatcher.close();
    },
  };
}
