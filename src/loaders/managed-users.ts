import DataLoader from 'dataloader';
import type { WorkatoApi } from '../workato/http.js';
import { repeatsPage } from '../workato/inferred.js';
import { getManagedUser, getMember, listManagedUsers, listMembers, managedUserSegment } from '../workato/managed-users.js';
import type { Workato } from '../workato/types.js';
import { tag, type Scoped, tagOne } from './scope.js';
import { listedById, notFoundAs, itemsOfArray } from './util.js';

/**
 * The partner's customers (REFERENCE §17.1), keyed by path segment: the id (`19029`) or `E<external id>`
 * (§17.0). A listedById family: a customer some page of GET /managed_users of this request holds costs no GET
 * /managed_users/:id (a 60/min quota), by either key; whichever key a customer is read by, the other one is primed.
 */
export function createManagedUserLoaders(api: WorkatoApi) {
  const customers = listedById<Workato.ManagedUser, string, Workato.ManagedUser[]>({
    entity: 'Customer',
    idOf: (user) => String(user.id),
    keysOf: (user) => (user.external_id ? [String(user.id), managedUserSegment({ externalId: user.external_id })] : [String(user.id)]),
    items: itemsOfArray,
    list: (params) => listManagedUsers(api, params),
    get: async (segment) => {
      const user = await getManagedUser(api, segment);
      managedUserDetail.prime(user.id, user);
      return user;
    },
  });

  /**
   * The customer as `GET /managed_users/:id` answers it, with the billing-period figures list items lack: a customer
   * read by id already is one; one from the list costs one GET the first time such a field asks.
   */
  const managedUserDetail = new DataLoader<number, Workato.ManagedUserDetail>((ids) =>
    Promise.all(ids.map((id) => getManagedUser(api, String(id)).catch(notFoundAs('Customer', String(id))))),
  );

  /** After a write: a customer may be known under ids and external ids that changed; forget them all. */
  function forgetManagedUser(): void {
    customers.forget();
    managedUserDetail.clearAll();
  }

  return { managedUserBySegment: customers.byId, managedUserDetail, managedUserList: customers.page, forgetManagedUser };
}

export type ManagedUserLoaders = ReturnType<typeof createManagedUserLoaders>;

/**
 * Members of one workspace scope (an Embedded customer's, §17.2): the whole list once per request — workspaces have
 * few collaborators — and GET /members/:id for ids the list has not brought.
 */
export function createMemberLoaders(api: WorkatoApi, scope: string | undefined) {
  const memberById = new DataLoader<number, Scoped<Workato.Member>>((ids) =>
    Promise.all(ids.map((id) => getMember(api, id).then((m) => tagOne(m, scope), notFoundAs('Member', String(id))))),
  );

  let all: Promise<Scoped<Workato.Member>[]> | undefined;
  const members = () =>
    (all ??= (async () => {
      const tagged = tag(await readAllMembers((page, per_page) => listMembers(api, { page, per_page })), scope);
      for (const m of tagged) memberById.prime(m.id, m);
      return tagged;
    })());

  function forgetMembers(id?: number): void {
    if (id !== undefined) memberById.clear(id);
    all = undefined;
  }

  /** The list, when this request has already started reading it: a by-id read can wait for it instead of calling. */
  const membersStarted = (): Promise<Scoped<Workato.Member>[]> | undefined => all;

  return { members, memberById, forgetMembers, membersStarted };
}

/**
 * Every page of a member list (§17.2/§20: paging undocumented): pages of 100 until a short one, or until a page
 * repeats the previous one (Workato ignored `page`, see `repeatsPage`).
 */
export async function readAllMembers(fetchPage: (page: number, perPage: number) => Promise<Workato.Member[]>): Promise<Workato.Member[]> {
  const perPage = 100;
  const out: Workato.Member[] = [];
  let previous: Workato.Member[] = [];
  for (let page = 1; ; page++) {
    const batch = await fetchPage(page, perPage);
    if (repeatsPage(previous, batch)) break;
    out.push(...batch);
    if (batch.length < perPage) break;
    previous = batch;
  }
  return out;
}

export type MemberLoaders = ReturnType<typeof createMemberLoaders>;
