/**
 * What each mutation of a request wrote, as the response cache (plugins/response-cache.ts) needs to know it whatever
 * the caller selected: the types of the objects it changes (every object type with an `id` in its payload) and the
 * global ids of what it deleted (the `deleted<Type>Id` / `deleted<Type>Ids` fields of `*DeletePayload`s, which are
 * scalars, so the cache cannot recognise them as entities by itself). Read from the value each Mutation field's
 * resolver returns, before any selection applies.
 */
import { getNamedType, isInterfaceType, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import type { GatewayContext } from './context.js';

/** One deleted object: its `__typename` and its global `id`, as the response cache indexes entities. */
export interface DeletedEntity {
  typename: string;
  id: string;
}

export interface MutationWrites {
  /** Types of the objects the mutations may have changed (also when one failed: a write can apply and still fail). */
  types: Set<string>;
  deleted: DeletedEntity[];
}

/** How one Mutation field's payload tells what it wrote. */
export interface PayloadWrites {
  /** Object types with an `id` among the payload's fields. */
  types: string[];
  /** `deleted<Type>Id(s)` fields and the type they name. */
  deleted: Array<{ field: string; typename: string }>;
}

const DELETED_FIELD = /^deleted([A-Z][A-Za-z0-9]*?)Ids?$/;

const byRequest = new WeakMap<Request, MutationWrites>();

/** Takes (and forgets) what this request's mutations have written so far. */
export function takeWrites(request: Request): MutationWrites | undefined {
  const writes = byRequest.get(request);
  byRequest.delete(request);
  return writes;
}

/**
 * For every Mutation field, what its payload says it wrote. A `deleted…Id` field naming no object type with an `id`
 * is a schema mistake (the cache could not evict what it deleted): refused when the schema is built.
 */
export function payloadWrites(schema: GraphQLSchema): Map<string, PayloadWrites> {
  const specs = new Map<string, PayloadWrites>();
  for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) {
    const payloadType = getNamedType(field.type);
    if (!isObjectType(payloadType)) continue;
    const spec: PayloadWrites = { types: [], deleted: [] };
    for (const member of Object.values(payloadType.getFields())) {
      const deleted = DELETED_FIELD.exec(member.name);
      if (deleted) {
        const typename = deleted[1]!;
        const target = schema.getType(typename);
        if (!isObjectType(target) || !('id' in target.getFields())) {
          throw new Error(`${payloadType.name}.${member.name} names no object type with an \`id\` (${typename}): the response cache could not evict what it deletes.`);
        }
        spec.deleted.push({ field: member.name, typename });
        spec.types.push(typename);
        continue;
      }
      const type = getNamedType(member.type);
      if ((isObjectType(type) || isInterfaceType(type)) && 'id' in type.getFields()) spec.types.push(type.name);
    }
    if (spec.types.length) specs.set(field.name, spec);
  }
  return specs;
}

/**
 * Wraps the Mutation fields that write objects so that each notes, per request, what it wrote. A field that reported
 * userErrors changed nothing and notes nothing; one that threw notes its types (the write may have been applied
 * before the failure) but no deletion.
 */
export function noteMutationWrites(schema: GraphQLSchema): void {
  const fields = schema.getMutationType()?.getFields() ?? {};
  for (const [name, spec] of payloadWrites(schema)) {
    const field = fields[name]!;
    const resolve = field.resolve as GraphQLFieldResolver<unknown, GatewayContext> | undefined;
    if (!resolve) continue;
    field.resolve = async (source, args, ctx: GatewayContext, info) => {
      let payload: unknown;
      try {
        payload = await resolve(source, args, ctx, info);
      } catch (error) {
        note(ctx.request, spec, undefined);
        throw error;
      }
      note(ctx.request, spec, payload);
      return payload;
    };
  }
}

function note(request: Request, spec: PayloadWrites, payload: unknown): void {
  const value = payload as Record<string, unknown> | null | undefined;
  const userErrors = value?.userErrors;
  if (Array.isArray(userErrors) && userErrors.length > 0) return;
  let writes = byRequest.get(request);
  if (!writes) byRequest.set(request, (writes = { types: new Set(), deleted: [] }));
  for (const type of spec.types) writes.types.add(type);
  for (const { field, typename } of spec.deleted) {
    const ids = value?.[field];
    for (const id of Array.isArray(ids) ? ids : [ids]) if (typeof id === 'string' && id) writes.deleted.push({ typename, id });
  }
}
