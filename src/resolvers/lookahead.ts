import {
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isObjectType,
  Kind,
  type FieldNode,
  type FragmentSpreadNode,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type InlineFragmentNode,
  type SelectionNode,
} from 'graphql';

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
  const visit = (selections: readonly SelectionNode[]): void => {
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
        if (applies(selection.typeCondition?.name.value, type as GraphQLObjectType)) visit(selection.selectionSet.selections);
      } else {
        const fragment = info.fragments[selection.name.value];
        if (fragment && applies(fragment.typeCondition.name.value, type as GraphQLObjectType)) visit(fragment.selectionSet.selections);
      }
    }
  };
  for (const node of info.fieldNodes) if (node.selectionSet) visit(node.selectionSet.selections);
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
