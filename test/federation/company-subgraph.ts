/**
 * A small "company" subgraph, as a platform team would write one next to ours: it references Workato recipes and
 * the workspace by their Workato ids and adds its own fields (recipe owner team, workspace billing contact), and it
 * has its own root field listing teams with their recipes (resolved by our subgraph through `_entities`).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { createYoga } from 'graphql-yoga';

const LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])`;

const DOMAIN_SDL = /* GraphQL */ `
  type Team {
    name: String!
    recipes: [Recipe!]!
  }
  type Recipe @key(fields: "workatoId") {
    workatoId: ID!
    owner: Team
  }
  type Workspace @key(fields: "workatoId") {
    workatoId: ID!
    billingContact: String
  }
  type Query {
    teams: [Team!]!
  }
`;

const FEDERATION_RUNTIME_SDL = /* GraphQL */ `
  directive @link(url: String!, as: String, import: [link__Import], for: link__Purpose) repeatable on SCHEMA
  directive @key(fields: federation__FieldSet!, resolvable: Boolean = true) repeatable on OBJECT | INTERFACE
  scalar federation__FieldSet
  scalar link__Import
  enum link__Purpose { SECURITY EXECUTION }
  scalar _Any
  type _Service { sdl: String }
  union _Entity = Recipe | Workspace
  extend type Query {
    _entities(representations: [_Any!]!): [_Entity]!
    _service: _Service!
  }
`;

export const COMPANY_SDL = `${LINK}\n${DOMAIN_SDL}`;

/** Which team owns which Northwind recipe (Workato ids). */
const TEAMS: Record<string, string[]> = {
  'Revenue Operations': ['3307712', '3307698'],
  Procurement: ['3307650'],
  Platform: ['3307601'],
};

export interface CompanySubgraph {
  url: string;
  /** `_entities` calls this subgraph received, with their representation counts. */
  entityCalls: number[];
  close(): Promise<void>;
}

export async function startCompanySubgraph(): Promise<CompanySubgraph> {
  const entityCalls: number[] = [];
  const ownerOf = (workatoId: string) => Object.keys(TEAMS).find((team) => TEAMS[team]!.includes(workatoId));
  const schema = makeExecutableSchema({
    typeDefs: [COMPANY_SDL, FEDERATION_RUNTIME_SDL],
    resolvers: {
      Query: {
        teams: () => Object.keys(TEAMS).map((name) => ({ name })),
        _service: () => ({ sdl: COMPANY_SDL }),
        _entities: (_: unknown, { representations }: { representations: Array<{ __typename: string; workatoId: string }> }) => {
          entityCalls.push(representations.length);
          return representations.map((r) => ({ ...r }));
        },
      },
      _Entity: { __resolveType: (r: { __typename: string }) => r.__typename },
      Team: { recipes: (team: { name: string }) => TEAMS[team.name]!.map((workatoId) => ({ workatoId })) },
      Recipe: { owner: (r: { workatoId: string }) => (ownerOf(r.workatoId) ? { name: ownerOf(r.workatoId) } : null) },
      Workspace: { billingContact: (w: { workatoId: string }) => `billing+${w.workatoId}@company.example` },
    },
  });
  const server: Server = createServer(createYoga({ schema, logging: false, graphiql: false }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    entityCalls,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
