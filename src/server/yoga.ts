import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import type { GraphQLSchema } from 'graphql';
import type { Transport } from '../workato/http.js';
import { createContextFactory, type GatewayContext } from './context.js';
import { maskError } from './errors.js';
import { createGraphiQLRenderer, graphiqlOptions } from './graphiql.js';
import type { Logger } from './logger.js';
import { gatewayPlugins } from './plugins/index.js';

export interface YogaOptions {
  schema: GraphQLSchema;
  transport: Transport;
  baseUrl: string;
  serverToken: string | undefined;
  graphqlPath: string;
  graphiql: boolean;
  logger: Logger;
}

export type GatewayYoga = YogaServerInstance<Record<string, unknown>, GatewayContext>;

export function createGatewayYoga(options: YogaOptions): GatewayYoga {
  return createYoga<Record<string, unknown>, GatewayContext>({
    schema: options.schema,
    graphqlEndpoint: options.graphqlPath,
    context: createContextFactory({ baseUrl: options.baseUrl, serverToken: options.serverToken, transport: options.transport }),
    graphiql: options.graphiql ? graphiqlOptions : false,
    renderGraphiQL: createGraphiQLRenderer(),
    landingPage: false,
    healthCheckEndpoint: '/healthz',
    logging: options.logger,
    plugins: gatewayPlugins(options),
    maskedErrors: {
      maskError: (error) => maskError(error, (message, cause) => options.logger.error(message, cause)),
    },
  });
}
