/**
 * Yoga plugins, in order. One file per plugin in this folder; add yours to the list with one line.
 * Each receives the gateway's options, so plugins can read config without globals.
 */
import type { Plugin } from 'graphql-yoga';
import type { GatewayContext } from '../context.js';
import type { YogaOptions } from '../yoga.js';
import { useRequestId } from './request-id.js';

export function gatewayPlugins(options: YogaOptions): Array<Plugin<Record<string, unknown>, GatewayContext> | Plugin<Record<string, unknown>>> {
  return [useRequestId(options)];
}
