/**
 * Yoga plugins, in order. One file per plugin in this folder; add yours to the list with one line.
 * Each receives the gateway's options, so plugins can read config without globals.
 */
import type { Plugin } from 'graphql-yoga';
import type { GatewayContext } from '../context.js';
import type { YogaOptions } from '../yoga.js';
import { useAutomaticPersistedQueries } from './automatic-persisted-queries.js';
import { useClientAuth } from './client-auth.js';
import { useCompiledExecution } from './compiled-execution.js';
import { useCompression } from './compression.js';
import { useDocumentCache } from './document-cache.js';
import { useGraphiQLPage } from './graphiql-page.js';
import { useIncrementalDelivery } from './incremental-delivery.js';
import { useLimits } from './limits.js';
import { useMediaTypeCheck } from './media-type.js';
import { useMetrics } from './metrics.js';
import { useOperationReads } from './operation-reads.js';
import { useOperationSharing } from './operation-sharing.js';
import { useOriginCheck } from './origin-check.js';
import { usePackageDownload } from './package-download.js';
import { useReadiness } from './readiness.js';
import { useRequestId } from './request-id.js';
import { useGatewayResponseCache } from './response-cache.js';
import { useTrustedDocuments } from './trusted-documents.js';
import { useWorkatoReport } from './workato-report.js';

export function gatewayPlugins(options: YogaOptions): Array<Plugin<Record<string, unknown>, GatewayContext> | Plugin<Record<string, unknown>>> {
  // Order matters: the request's scope first (every plugin after it finds the request id), then refusals that need
  // no GraphQL work (origin, client auth), probes and metrics next, then the document checks, then the cache (after
  // auth, so an unauthenticated caller never reads it).
  return [
    useRequestId(options),
    useOriginCheck(options),
    useClientAuth(options),
    useReadiness(options),
    useGraphiQLPage(options),
    useCompression(),
    useMetrics(options),
    options.tracing?.plugin ?? {},
    useDocumentCache(),
    useIncrementalDelivery(),
    useTrustedDocuments(options),
    // Before the cache and the report: a hash-only request gets its document text here.
    useAutomaticPersistedQueries(options),
    useLimits(options),
    useMediaTypeCheck(),
    // Before the cache: an explain request must be known before the cache looks for an answer.
    useWorkatoReport(options),
    // Before the cache: the cache's executor wraps whichever one is set when it runs (the compiled one).
    useCompiledExecution(options),
    // Before the cache too: a request the cache cannot answer waits for an identical run, and the cache then strips
    // and stores that request's own copy of the answer as if it had run it.
    useOperationSharing(options),
    useGatewayResponseCache(options),
    useOperationReads(options),
    usePackageDownload(options),
  ];
}
