/**
 * The gateway's own schema, context and loaders (dist/, as built) executed by graphql-js behind a bare node:http
 * server: no yoga, no envelop, no plugins, no request scope, no error masking. Not a product: a reference point for
 * `npm run bench:steady`, to show what GraphQL execution over the same loaders costs by itself, apart from the
 * server around it. Serves no GraphiQL: it prints `GraphQL at <url>` once listening.
 */
import { createServer } from 'node:http';
import { execute, parse, validate } from 'graphql';
import { buildSchema } from '../dist/server/schema.js';
import { contextOf } from './gateway-context.mjs';

const schema = buildSchema();
/** Parsed and validated documents by their text: what yoga's parser and validation cache does. */
const documents = new Map();

function documentOf(query) {
  let document = documents.get(query);
  if (!document) {
    document = parse(query);
    const errors = validate(schema, document);
    if (errors.length) throw errors[0];
    documents.set(query, document);
  }
  return document;
}

const server = createServer((req, res) => {
  let text = '';
  req.setEncoding('utf8');
  req.on('data', (chunk) => (text += chunk));
  req.on('end', async () => {
    let body;
    try {
      const params = JSON.parse(text);
      const contextValue = contextOf({ request: { headers: new Headers({ authorization: req.headers.authorization ?? '' }) }, params });
      const result = await execute({ schema, document: documentOf(params.query), contextValue, variableValues: params.variables, operationName: params.operationName });
      body = JSON.stringify(result);
    } catch (error) {
      body = JSON.stringify({ errors: [{ message: String(error) }] });
    }
    res.writeHead(200, { 'content-type': 'application/graphql-response+json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
});
server.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1', () => {
  console.log(`GraphQL at http://127.0.0.1:${server.address().port}/graphql`);
});
process.once('SIGTERM', () => process.exit(0));
