/**
 * Entry point: read the config, start the built-in Workato simulator in demo mode, start the gateway,
 * print where GraphiQL is, and shut down cleanly on SIGINT/SIGTERM: stop taking requests, let the running ones
 * finish (SHUTDOWN_TIMEOUT_MS), close the upstream pools, then exit.
 */
import { ConfigError, loadConfig } from './config.js';
import { startGateway } from './server/gateway.js';
import { createLogger } from './server/logger.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Configuration error: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }

  let baseUrl = config.baseUrl;
  let serverToken = config.serverToken;
  let stopSimulator: (() => Promise<void>) | undefined;
  if (config.demo) {
    // Imported only here: the simulator is a separate server, never on the gateway's request path.
    const { startSimulator } = await import('./simulator/index.js');
    const simulator = await startSimulator({ latencyMs: config.demoLatencyMs, quiet: true });
    baseUrl = simulator.url;
    serverToken = simulator.token;
    stopSimulator = () => simulator.close();
    console.log(
      `Demo mode: none of WORKATO_API_TOKEN, WORKATO_BASE_URL and WORKATO_DATA_CENTER set, so the gateway serves the built-in Workato simulator (${simulator.url}) with made-up data.`,
    );
  }

  const logger = createLogger(config.logLevel);
  const gateway = await startGateway({ config, baseUrl: baseUrl!, serverToken, logger });
  console.log(`Workato GraphQL gateway ready: GraphiQL at ${gateway.url}`);
  if (config.serverToken && config.clientAuth.openWithServerToken) {
    logger.warn('DANGEROUSLY_ALLOW_OPEN_GATEWAY_WITH_SERVER_TOKEN is set: anyone who reaches this gateway acts with the server token.');
  }

  // A stray rejection is a bug to fix, not a reason to drop every request in flight: log it, keep serving.
  process.on('unhandledRejection', (reason) => logger.error('Unhandled promise rejection', reason));

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received: draining requests (up to ${config.shutdownTimeoutMs} ms) and closing.`);
    await gateway.close();
    await stopSimulator?.();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(`Configuration error: ${error.message}`);
    process.exit(2);
  }
  console.error('The gateway failed to start:', error);
  process.exit(1);
});
