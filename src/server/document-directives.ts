/** Whether any directive of a document is one of `names` (callers keep the answer per document). */
import { BREAK, visit, type DocumentNode } from 'graphql';

export function hasDirective(document: DocumentNode, names: ReadonlySet<string>): boolean {
  let found = false;
  visit(document, {
    Directive(node) {
      if (!names.has(node.name.value)) return undefined;
      found = true;
      return BREAK;
    },
  });
  return found;
}
