import type { DocumentNode, ExecutionArgs } from 'graphql';

/**
 * A value worked out once per parsed document and operation name, then looked up: yoga's parser cache (and the
 * response cache's rewrite) hands out the same document object for the same text, and an operation name picks one
 * of its operations. Held weakly: a document that leaves the parser cache takes its values with it.
 */
export function perOperation<T>(make: (args: ExecutionArgs) => T): (args: ExecutionArgs) => T {
  const byDocument = new WeakMap<DocumentNode, Map<string, T>>();
  return (args) => {
    let byName = byDocument.get(args.document);
    if (!byName) byDocument.set(args.document, (byName = new Map()));
    const name = args.operationName ?? '';
    let value = byName.get(name);
    if (value === undefined) byName.set(name, (value = make(args)));
    return value;
  };
}
