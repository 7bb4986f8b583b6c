/**
 * Environment and project properties (REFERENCE §19; Embedded §17.8): prefix reads on Query, Project and
 * ManagedUser, and one upsert. Workato gives properties no id; the global id is scope + project + full name.
 */
import type { PropertiesUpsertInput, Resolvers } from '../generated/graphql.js';
import { NotFoundError } from '../loaders/errors.js';
import type { ScopedLoaders } from '../loaders/index.js';
import type { PropertyValue } from '../loaders/properties.js';
import { scopeOf, tag, type Scoped } from '../loaders/scope.js';
import type { GatewayContext } from '../server/context.js';
import { badUserInput } from '../server/errors.js';
import { PROPERTY_LIMIT_TEXT, PROPERTY_LIMITS } from '../workato/inferred.js';
import { upsertProperties } from '../workato/properties.js';
import type { FamilyNodeLoader } from './family-nodes.js';
import { typed } from './helpers.js';
import { customerId } from './managed-user-mutations.js';
import { customerLoaders } from './managed-users.js';
import { attempt, inputError, payload, refusalErrors, refused, type Outcome, type UserErrorValue } from './payload.js';
import { globalIdOf, WORKATO_INT_ID, workatoIntKey } from './relay.js';
import { linkTo } from './links.js';

/** Where the global id puts an environment property's (absent) project. */
const ENVIRONMENT = 'env';

/** One prefix read (one call per distinct prefix and project in the request). Workato requires a non-empty prefix. */
function propertiesOf(loaders: ScopedLoaders, prefix: string, projectId: number | null): Promise<Scoped<PropertyValue>[]> {
  if (prefix === '') throw badUserInput('`prefix` must not be empty: Workato lists properties by prefix only.', 'prefix');
  return loaders.properties.propertyList.load({ prefix, projectId });
}

/** §19 limits, checked before any call: one userError per broken rule, pointing at the input entry. */
function limitErrors(properties: PropertiesUpsertInput['properties']): UserErrorValue[] {
  const errors: UserErrorValue[] = [];
  if (properties.length === 0) errors.push(inputError('INVALID', 'Give at least one property.', ['input', 'properties']));
  if (properties.length > PROPERTY_LIMITS.maxPerScope) {
    errors.push(inputError('PROPERTY_LIMIT_EXCEEDED', `At most ${PROPERTY_LIMITS.maxPerScope} properties per environment or project; got ${properties.length}.`, ['input', 'properties']));
  }
  const seen = new Set<string>();
  properties.forEach(({ name, value }, i) => {
    const at = (field: string) => ['input', 'properties', String(i), field];
    if (name.trim() === '') errors.push(inputError('INVALID', 'A property name must not be blank.', at('name')));
    else if (name.length > PROPERTY_LIMITS.maxNameLength) {
      errors.push(inputError('PROPERTY_NAME_TOO_LONG', `Property names are at most ${PROPERTY_LIMITS.maxNameLength} characters; this one has ${name.length}.`, at('name')));
    }
    if (seen.has(name)) errors.push(inputError('INVALID', `The name "${name}" is given twice.`, at('name')));
    seen.add(name);
    if (value.length > PROPERTY_LIMITS.maxValueLength) {
      errors.push(inputError('PROPERTY_VALUE_TOO_LONG', `Property values are at most ${PROPERTY_LIMITS.maxValueLength} characters; "${name.slice(0, 40)}" has ${value.length}.`, at('value')));
    }
  });
  return errors;
}

/** The workspace scope and project an upsert writes to: from the project's global id and/or `managedUser`. */
async function target(ctx: GatewayContext, input: PropertiesUpsertInput): Promise<Outcome<{ scope: string | undefined; projectId: number | null }>> {
  let scope: string | undefined;
  let projectId: number | null = null;
  const globalProject = input.projectId != null && !WORKATO_INT_ID.test(input.projectId);
  if (input.projectId != null) {
    ({ id: projectId, scope } = workatoIntKey('Project', input.projectId, 'input.projectId'));
  }
  if (input.managedUser) {
    const customer = await customerId(ctx, input.managedUser, 'input.managedUser');
    if (!customer.ok) return customer;
    if (globalProject && scope !== String(customer.value)) {
      throw badUserInput('`input.projectId` is a project of another workspace than `input.managedUser`.', 'input.projectId');
    }
    scope = String(customer.value);
  }
  return { ok: true, value: { scope, projectId } };
}

/** Workato's own refusal of the total (over 1,000 with the existing ones) gets the limit's code. */
const limitCode = (errors: UserErrorValue[]) =>
  errors.map((e) => (PROPERTY_LIMIT_TEXT.test(e.message) ? { ...e, code: 'PROPERTY_LIMIT_EXCEEDED' as const } : e));

/** `node(id)` for a Property: one prefix read with its full name, keeping the exact match. */
export const propertyNode: FamilyNodeLoader = async (parsed, ctx, id) => {
  const [where, name] = parsed.keys;
  if (parsed.keys.length !== 2 || !name || (where !== ENVIRONMENT && !WORKATO_INT_ID.test(where ?? ''))) {
    throw badUserInput(`"${id()}" is not an id this API issued. Pass an \`id\` field's value.`, 'id');
  }
  const list = await ctx.loaders.scope(parsed.scope).properties.propertyList.load({ prefix: name, projectId: where === ENVIRONMENT ? null : Number(where) });
  const found = list.find((p) => p.name === name);
  if (!found) throw new NotFoundError('Property', name);
  // Read with its own name as the prefix: relative to nothing, so `relativeName` is the full name.
  return typed({ ...found, prefix: '' }, 'Property');
};

export const propertyResolvers: Resolvers = {
  Query: {
    properties: (_root, { prefix }, ctx) => propertiesOf(ctx.loaders.scope(), prefix, null),
  },
  Project: {
    properties: (p, { prefix }, ctx) => propertiesOf(ctx.loaders.scope(scopeOf(p)), prefix, p.id),
  },
  ManagedUser: {
    properties: (u, { prefix }, ctx) => propertiesOf(customerLoaders(ctx, u), prefix, null),
  },
  Property: {
    id: (p) => globalIdOf('Property', p, p.project_id ?? ENVIRONMENT, p.name),
    relativeName: (p) => (p.prefix && p.name.startsWith(p.prefix) ? p.name.slice(p.prefix.length) : p.name),
    project: linkTo((p) => p.project_id, (l) => l.projectById),
  },
  Mutation: {
    propertiesUpsert: async (_root, { input }, ctx) => {
      const invalid = limitErrors(input.properties);
      if (invalid.length) return payload<'properties', PropertyValue[]>('properties', refused(invalid));
      const where = await target(ctx, input);
      if (!where.ok) return payload<'properties', PropertyValue[]>('properties', where);
      const { scope, projectId } = where.value;
      const loaders = ctx.loaders.scope(scope);
      const map = Object.fromEntries(input.properties.map(({ name, value }) => [name, value]));
      const outcome = await attempt(() => upsertProperties(loaders.api, map, projectId ?? undefined), ['input', 'projectId']);
      const refusals = outcome.ok ? refusalErrors(outcome.value) : outcome.userErrors;
      if (refusals.length) return payload<'properties', PropertyValue[]>('properties', refused(limitCode(refusals)));
      loaders.properties.forgetProperties();
      const written = input.properties.map(({ name, value }) => ({ name, prefix: '', value, project_id: projectId }));
      return payload<'properties', PropertyValue[]>('properties', { ok: true, value: tag(written, scope) });
    },
  },
};
