import DataLoader from 'dataloader';
import { WorkatoError, type WorkatoApi } from '../workato/http.js';
import { repeatsPage } from '../workato/inferred.js';
import { getManagedUser, getMember, listManagedUsers, listMembers, managedUserSegment } from '../workato/managed-users.js';
import type { Workato } from '../workato/types.js';
import { NotFoundError } from './errors.js';
import { tag, type Scoped } from './scope.js';
import { listLoader, toError } from './util.js';

export const notFoundAs = (entity: string, key: string) => (e: unknown) =>
  e instanceof WorkatoError && e.status === 404 ? new NotFoundError(entity, key) : toError(e);

/**
 * The partner's customers (REFERENCE §17.1), keyed by path segment: the id (`19029`) or `E<external id>`
 * (§17.0). Whichever key a customer is read by, the other one is primed, so both lookups cost one call.
 */
export function createManagedUserLoaders(api: WorkatoApi) {
  const managedUserBySegment = new DataLoader<string, Workato.ManagedUser>((segments) =>
    Promise.all(
      segments.map((segment) =>
        getManagedUser(api, segment).then((user) => {
          prime(user);
          managedUserDetail.prime(user.id, user);
          return user;
        }, notFoundAs('Customer', segment)),
      ),
    ),
  );

  /**
   * The customer as `GET /managed_users/:id` answers it, with the billing-period figures list items lack: a customer
   * read by id already is one; one from the list costs one GET the first time such a field asks.
   */
  const managedUserDetail = new DataLoader<number, Workato.ManagedUserDetail>((ids) =>
    Promise.all(ids.map((id) => getManagedUser(api, String(id)).catch(notFoundAs('Customer', String(id))))),
  );

  function prime(user: Workato.ManagedUser): void {
    managedUserBySegment.prime(String(user.id), user);
    if (user.external_id) managedUserBySegment.prime(managedUserSegment({ externalId: user.external_id }), user);
  }

  /** One page of GET /managed_users; every customer primes managedUserBySegment. */
  const managedUserList = listLoader(async (params: { page: number; per_page: number }) => {
    const users = await listManagedUsers(api, params);
    for (const user of users) prime(user);
    return users;
  });

  /** After a write: a customer may be known under ids and external ids that changed; forget them all. */
  function forgetManagedUser(): void {
    managedUserBySegment.clearAll();
    managedUserDetail.clearAll();
    managedUserList.clearAll();
  }

  return { managedUserBySegment, managedUserDetail, managedUserList, forgetManagedUser };
}

export type ManagedUserLoaders = ReturnType<typeof createManagedUserLoaders>;

/**
 * Members of one workspace scope (an Embedded customer's, §17.2): the whole list once per request — workspaces have
 * few collaborators — and GET /members/:id for ids the list has not brought.
 */
export function createMemberLoaders(api: WorkatoApi, scope: string | undefined) {
  const memberById = new DataLoader<number, Scoped<Workato.Member>>((ids) =>
    Promise.all(ids.map((id) => getMember(api, id).then((m) => tag([m], scope)[0]!, notFoundAs('Member', String(id))))),
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
