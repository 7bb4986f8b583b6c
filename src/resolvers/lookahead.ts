import {
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isInterfaceType,
  isObjectType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FieldNode,
  type FragmentSpreadNode,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type InlineFragmentNode,
  type SelectionNode,
} from 'graphql';
import type { OperationReads } from '../loaders/options.js';

/**
 * The arguments of each selection of `field` on the object the current field returns (directly or through
 * fragments; @skip/@include honoured). A resolver that knows a child's REST call needs nothing it does not already
 * have can start that call together with its own: one round trip instead of two (bench/RESULTS.md).
 */
export function selectedArgs(info: GraphQLResolveInfo, field: string): Array<Record<string, unknown>> {
  const type = getNamedType(info.returnType);
  const definition = isObjectType(type) ? type.getFields()[field] : undefined;
  if (!definition) return [];
  const found: Array<Record<string, unknown>> = [];
  const walk = (selections: readonly SelectionNode[]): void => {
    for (const selection of selections) {
      if (!included(selection, info)) continue;
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value !== field) continue;
        try {
          found.push(getArgumentValues(definition, selection, info.variableValues));
        } catch {
          // Invalid arguments: the field's own resolver reports them.
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (applies(selection.typeCondition?.name.value, type as GraphQLObjectType)) walk(selection.selectionSet.selections);
      } else {
        const fragment = info.fragments[selection.name.value];
        if (fragment && applies(fragment.typeCondition.name.value, type as GraphQLObjectType)) walk(fragment.selectionSet.selections);
      }
    }
  };
  for (const node of info.fieldNodes) if (node.selectionSet) walk(node.selectionSet.selections);
  return found;
}

function included(node: FieldNode | InlineFragmentNode | FragmentSpreadNode, info: GraphQLResolveInfo): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, node, info.variableValues)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, info.variableValues)?.if !== false;
}

/** A fragment on the type itself, on one of its interfaces, or without a type condition. */
function applies(condition: string | undefined, type: GraphQLObjectType): boolean {
  return condition === undefined || condition === type.name || type.getInterfaces().some((i) => i.name === condition);
}

/**
 * Whether the current field's result selects the chain of fields `path`, one name per level (through fragments;
 * @skip/@include honoured): `selectsPath(info, ['nodes', 'folder'])` on a recipe page. Lets a resolver start a
 * lookup its children will need before it has its own answer — with `beyondIdentity`, only when the last field reads
 * more than the identity a link answers without a call (`linked`, links.ts).
 */
export function selectsPath(info: GraphQLResolveInfo, path: readonly string[], reading: 'any' | 'beyondIdentity' = 'any'): boolean {
  const walk = (selections: readonly SelectionNode[], type: GraphQLNamedType, depth: number): boolean =>
    selections.some((selection) => {
      if (!included(selection, info)) return false;
      if (selection.kind === Kind.INLINE_FRAGMENT || selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : info.fragments[selection.name.value];
        return !!fragment && mayApply(fragment.typeCondition?.name.value, type) && walk(fragment.selectionSet.selections, type, depth);
      }
      if (selection.name.value !== path[depth]) return false;
      if (depth === path.length - 1) return reading === 'any' || !onlyIdentity(selection.selectionSet?.selections ?? [], info);
      const field = isObjectType(type) || isInterfaceType(type) ? type.getFields()[path[depth]!] : undefined;
      return !!field && !!selection.selectionSet && walk(selection.selectionSet.selections, getNamedType(field.type), depth + 1);
    });
  const type = getNamedType(info.returnType);
  return path.length > 0 && info.fieldNodes.some((node) => !!node.selectionSet && walk(node.selectionSet.selections, type, 0));
}

/**
 * The names of the fields selected under `field` of the current field's result (through fragments of any type
 * condition, so never fewer than will be read; @skip/@include honoured). Undefined when `field` is not selected.
 */
export function selectedFieldNames(info: GraphQLResolveInfo, field: string): Set<string> | undefined {
  let names: Set<string> | undefined;
  const collect = (selections: readonly SelectionNode[], into: Set<string>): void => {
    for (const selection of selections) {
      if (!included(selection, info)) continue;
      if (selection.kind === Kind.FIELD) into.add(selection.name.value);
      else {
        const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : info.fragments[selection.name.value];
        if (fragment) collect(fragment.selectionSet.selections, into);
      }
    }
  };
  const find = (selections: readonly SelectionNode[]): void => {
    for (const selection of selections) {
      if (!included(selection, info)) continue;
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value === field) collect(selection.selectionSet?.selections ?? [], (names ??= new Set()));
      } else {
        const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : info.fragments[selection.name.value];
        if (fragment) find(fragment.selectionSet.selections);
      }
    }
  };
  for (const node of info.fieldNodes) if (node.selectionSet) find(node.selectionSet.selections);
  return names;
}

/** Fields every object answers from its id and scope alone: what a normalized client cache asks of a link. */
const IDENTITY: ReadonlySet<string> = new Set(['__typename', 'id', 'workatoId']);

/** Whether `selections` (through fragments; @skip/@include honoured) read nothing but `IDENTITY`. */
function onlyIdentity(selections: readonly SelectionNode[], info: GraphQLResolveInfo): boolean {
  return selections.every((selection) => {
    if (!included(selection, info)) return true;
    if (selection.kind === Kind.FIELD) return IDENTITY.has(selection.name.value);
    const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : info.fragments[selection.name.value];
    return !fragment || onlyIdentity(fragment.selectionSet.selections, info);
  });
}

/**
 * Whether the current field's result is read for its identity only (`folder { id __typename }`). The answer is kept
 * per field-node list (one per list of sibling objects in graphql-js, one per document with compiled execution)
 * unless a directive with variables could change it.
 */
export function selectsOnlyIdentity(info: GraphQLResolveInfo): boolean {
  const kept = identityOnly.get(info.fieldNodes);
  if (kept !== undefined) return kept;
  const only = info.fieldNodes.every((node) => onlyIdentity(node.selectionSet?.selections ?? [], info));
  if (!info.fieldNodes.some((node) => hasDirectives(node.selectionSet?.selections ?? [], info))) identityOnly.set(info.fieldNodes, only);
  return only;
}
const identityOnly = new WeakMap<readonly FieldNode[], boolean>();

function hasDirectives(selections: readonly SelectionNode[], info: GraphQLResolveInfo): boolean {
  return selections.some((selection) => {
    if (selection.directives?.length) return true;
    if (selection.kind === Kind.FIELD) return false;
    const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : info.fragments[selection.name.value];
    return !!fragment && hasDirectives(fragment.selectionSet.selections, info);
  });
}

/** The names of the fields selected on the current field's result itself (fragments and @skip/@include as above). */
export function ownSelectedFieldNames(info: GraphQLResolveInfo): Set<string> {
  const names = new Set<string>();
  const collect = (selections: readonly SelectionNode[]): void => {
    for (const selection of selections) {
      if (!included(selection, info)) continue;
      if (selection.kind === Kind.FIELD) names.add(selection.name.value);
      else {
        const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : info.fragments[selection.name.value];
        if (fragment) collect(fragment.selectionSet.selections);
      }
    }
  };
  for (const node of info.fieldNodes) if (node.selectionSet) collect(node.selectionSet.selections);
  return names;
}

const NONE: ReadonlySet<string> = new Set();

/**
 * Whether the object the current field returns can stand for itself with the id the caller passed, unread: what is
 * selected on it is its identity, children whose REST call needs only that id (`needsOnlyId`), and at least one
 * child of `finds` — a call that answers 404 for an id that does not exist, so an unknown id still ends as NOT_FOUND
 * (from that call, not from the read this saves). `{ id }` alone is an existence check: false.
 */
export function settledById(info: GraphQLResolveInfo, finds: ReadonlySet<string>, needsOnlyId: ReadonlySet<string> = NONE): boolean {
  let found = false;
  for (const name of ownSelectedFieldNames(info)) {
    if (finds.has(name)) found = true;
    else if (!IDENTITY.has(name) && !needsOnlyId.has(name)) return false;
  }
  return found;
}

/** `applies` for any named type: on an interface or union, any condition may match at run time. */
function mayApply(condition: string | undefined, type: GraphQLNamedType): boolean {
  return isObjectType(type) ? applies(condition, type) : true;
}

const readsOfDocument = new WeakMap<DocumentNode, OperationReads>();

/**
 * `OperationReads` of a document, worked out once per document: yoga's parse cache hands the same DocumentNode to
 * every request with the same text, so the walk is not paid per request. Every operation and fragment counts
 * (@skip/@include are not evaluated): never less than the request will read.
 */
export function operationReads(schema: GraphQLSchema, document: DocumentNode): OperationReads {
  let reads = readsOfDocument.get(document);
  if (reads) return reads;
  reads = { recipeCode: false, recipeTags: false, connectionTags: false };
  const typeInfo = new TypeInfo(schema);
  const found = reads;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType()?.name;
        // `tagHandles` reads the same handles as `tags` (schema/tags.graphql).
        const tags = node.name.value === 'tags' || node.name.value === 'tagHandles';
        if (parent === 'Recipe') {
          if (node.name.value === 'code') found.recipeCode = true;
          if (tags) found.recipeTags = true;
        } else if (parent === 'Connection' && tags) {
          found.connectionTags = true;
        }
      },
    }),
  );
  readsOfDocument.set(document, reads);
  return reads;
}
