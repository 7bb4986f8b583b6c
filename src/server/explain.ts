/**
 * `explain`: the plan of an operation without running it against Workato (as Hasura's explain does for SQL). The
 * operation executes with a ledger that records every Workato call and sends none (http.ts): what it records is the
 * first round trip exactly — the calls that need nothing but the arguments. Fields that would wait for those answers
 * are listed with what they cost, in words, where it is known only at run time: how many calls depends on what
 * Workato answers. (A later mutation of a serial list runs only after the first has answered, so it is not planned;
 * `laterRoundTrips` holds the rare call a resolver still makes after an earlier one failed.)
 */
import {
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { CallLedger } from '../workato/ledger.js';

/**
 * What a relation field costs once its parent is known. One entry per field that calls Workato through a loader;
 * "per request" means every object of the answer shares the call.
 */
export const FIELD_COSTS: Readonly<Record<string, string>> = {
  'Recipe.folder': 'Folders have no get-by-id: the folder tree is listed one level per round trip from Home (each level one call per 100 folders), shared by every recipe of the request, stopping when every wanted folder is found. How many levels: known at run time.',
  'Recipe.connections': 'One GET /connections for the whole request (Workato does not page it), shared by every recipe.',
  'Recipe.triggerConnector': 'One GET /integrations?applications=… for every connector name of the request together.',
  'Recipe.actionConnectors': 'One GET /integrations?applications=… for every connector name of the request together.',
  'Recipe.code': 'Free when the list carried it; otherwise one GET /recipes/:id per recipe.',
  'Recipe.jobs': 'One GET /recipes/:id/jobs per recipe (Workato lists jobs per recipe): as many calls as recipes in the answer, known at run time.',
  'Recipe.versions': 'One GET /recipes/:id/versions per recipe.',
  'Recipe.version': 'One GET /recipes/:id/versions/:version_id per recipe.',
  'RecipeConfigEntry.connection': 'One GET /connections for the whole request, shared with Recipe.connections.',
  'Connection.connector': 'One GET /integrations?applications=… for every connector name of the request together.',
  'Connection.folder': 'The folder-tree walk shared by every folder of the request (see Recipe.folder).',
  'Connection.parent': 'One GET /connections for the whole request.',
  'Folder.parent': 'The folder-tree walk shared by every folder of the request (see Recipe.folder).',
  'Folder.project': 'One GET /projects list (pages of 100) for the whole request, shared with `projects`: no call when the request already read it.',
  'Folder.children': 'One GET /folders?parent_id=… per folder (per 100 children).',
  'Folder.recipes': 'One GET /recipes?folder_id=… per folder.',
  'Folder.connections': 'One GET /connections for the whole request, filtered per folder (one more, also shared, with includeRuntimeConnections).',
  'Project.folder': 'The folder-tree walk shared by every folder of the request (see Recipe.folder).',
  'Job.recipe': 'One GET /recipes/:id per distinct recipe, batched (from the recipe list when many are wanted).',
  'Job.lines': 'One GET /recipes/:recipe_id/jobs/:handle per job (the detail call).',
  'Job.rootRecipe': 'The detail call of each job (shared with the other detail fields), then one GET /recipes/:id per distinct root recipe, batched.',
  'Job.isRepeat': 'One GET /recipes/:recipe_id/jobs/:handle per job (the detail call), shared with the other detail fields.',
};

export interface ExplainPlan {
  /** The calls that go out first, all together: they need only the operation's arguments. */
  firstRoundTrip: PlannedCall[];
  /** Calls a resolver made after an earlier planned call had answered (rare; usually empty), by round trip. */
  laterRoundTrips: PlannedCall[];
  /** Fields that wait for an answer of an earlier call, with what they will cost. */
  dependentFields: DependentField[];
}

export interface PlannedCall {
  roundTrip: number;
  method: string;
  path: string;
  family: string;
  fieldPaths: string[];
  batchedKeys: number | null;
}

export interface DependentField {
  /** Response path without list indices (`recipes.nodes.folder`). */
  path: string;
  coordinate: string;
  /** The nearest selected field above it whose answer it waits for. */
  after: string;
  cost: string;
}

/** Every field the operation selects, as response paths (aliases kept, list indices left out) with coordinates. */
export function plannedFields(schema: GraphQLSchema, document: DocumentNode, operationName?: string): Array<{ path: string; coordinate: string }> {
  const fields: Array<{ path: string; coordinate: string }> = [];
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName),
  );
  const root = operation && schema.getRootType(operation.operation);
  const walk = (set: SelectionSetNode, type: GraphQLNamedType | undefined, prefix: string[]): void => {
    if (!type || !isCompositeType(type)) return;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        const definition = isObjectType(type) || isInterfaceType(type) ? type.getFields()[name] : undefined;
        if (!definition) continue;
        const path = [...prefix, selection.alias?.value ?? name];
        fields.push({ path: path.join('.'), coordinate: `${type.name}.${name}` });
        if (selection.selectionSet) walk(selection.selectionSet, getNamedType(definition.type), path);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet, selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type, prefix);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (fragment) walk(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value), prefix);
      }
    }
  };
  if (operation && root) walk(operation.selectionSet, root, []);
  return fields;
}

export function explainPlan(ledger: CallLedger): ExplainPlan {
  const calls = (ledger.trace ?? []).map(
    (c): PlannedCall => ({ roundTrip: c.roundTrip, method: c.method, path: c.path, family: c.family, fieldPaths: c.fieldPaths, batchedKeys: c.batchedKeys }),
  );
  const resolved = ledger.resolvedPaths ?? new Set<string>();
  const dependentFields: DependentField[] = [];
  for (const field of ledger.planned ?? []) {
    const cost = FIELD_COSTS[field.coordinate];
    if (!cost || resolved.has(field.path)) continue;
    const parts = field.path.split('.');
    let after = parts.slice(0, -1).join('.');
    while (after && !resolved.has(after)) after = after.split('.').slice(0, -1).join('.');
    dependentFields.push({ path: field.path, coordinate: field.coordinate, after: after || parts[0]!, cost });
  }
  return { firstRoundTrip: calls.filter((c) => c.roundTrip === 1), laterRoundTrips: calls.filter((c) => c.roundTrip > 1), dependentFields };
}
