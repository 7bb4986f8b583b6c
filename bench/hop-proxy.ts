/**
 * The benchmark's hop reference for the current-user query: the least a gateway can do — node:http in, one undici
 * call to `GET /users/me` with the caller's token, the fields renamed, JSON out. No GraphQL: the body is not even
 * parsed. What it adds over the direct REST call is what one more process on the path costs on the machine (two
 * more socket writes, and a wake-up for every idle process the answer passes through), which no gateway avoids.
 * Started by bench/run.ts; prints `hop proxy at <url>`.
 */
import { createServer } from 'node:http';
import { Pool } from 'undici';

const base = new URL(process.env.WORKATO_BASE_URL ?? '');
const pool = new Pool(base.origin, { connections: 8 });
const mePath = `${base.pathname.replace(/\/$/, '')}/users/me`;

const server = createServer((req, res) => {
  req.resume();
  req.once('end', async () => {
    try {
      const upstream = await pool.request({ method: 'GET', path: mePath, headers: { authorization: req.headers.authorization ?? '', accept: 'application/json' } });
      const u = (await upstream.body.json()) as Record<string, unknown>;
      // The fields of the benchmark's `me` query (bench/operations.ts), under the names the gateway gives them.
      const me = { id: `User:${u.id}`, workatoId: String(u.id), name: u.name, companyName: u.company_name, planId: u.plan_id, recipesCount: u.recipes_count, activeRecipesCount: u.active_recipes_count };
      const body = JSON.stringify({ data: { me } });
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    } catch (error) {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(String(error));
    }
  });
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address && typeof address === 'object') console.log(`hop proxy at http://127.0.0.1:${address.port}/graphql`);
});
process.on('SIGTERM', () => process.exit(0));
