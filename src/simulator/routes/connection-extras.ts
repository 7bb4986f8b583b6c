/**
 * REFERENCE §12.6 pick lists and §12.7 runtime-user connections, over the workspace's connections. Pick lists are
 * plausible per connector and their names are validated; choices the reference leaves open: inferred.ts
 * (INFERRED_CONNECTION_EXTRAS).
 */
import type { Workato } from '../../workato/types.js';
import { CONNECTOR_BY_NAME } from '../catalogue.js';
import { badRequest, notFound, ok, type RouteDef } from '../http-helpers.js';
import { INFERRED_CONNECTION_EXTRAS as X } from '../inferred.js';
import { formatTime } from '../time.js';
import { blank, bodyId, bodyOf, Validation } from '../writes.js';
import { findConnection } from './connection-writes.js';

type Pairs = Array<[string, string] | [string, string, null, boolean]>;
interface PickList {
  /** A parameter the pick list needs (§12.6: "required in some picklists"). */
  param?: string;
  values(params: Record<string, unknown>): Pairs;
}

const SOBJECT_FIELDS: Record<string, Pairs> = {
  Account: [['Account ID', 'Id'], ['Account Name', 'Name'], ['Industry', 'Industry'], ['Owner ID', 'OwnerId']],
  Opportunity: [['Opportunity ID', 'Id'], ['Name', 'Name'], ['Stage', 'StageName'], ['Amount', 'Amount'], ['Close Date', 'CloseDate']],
  Invoice__c: [['Record ID', 'Id'], ['Owner ID', 'OwnerId'], ['Invoice Name', 'Name'], ['Created Date', 'CreatedDate'], ['Status', 'Status__c', null, true]],
};

/** Pick lists per connector name: what a recipe builder's dropdowns would show. */
const PICK_LISTS: Record<string, Record<string, PickList>> = {
  salesforce: {
    sobjects: { values: () => [['Account', 'Account'], ['Opportunity', 'Opportunity'], ['Invoice', 'Invoice__c']] },
    sobject_fields: { param: 'sobject_name', values: (p) => SOBJECT_FIELDS[String(p.sobject_name)] ?? [] },
  },
  netsuite: {
    record_types: { values: () => [['Customer', 'customer'], ['Invoice', 'invoice'], ['Sales Order', 'salesOrder'], ['Vendor Bill', 'vendorBill']] },
    subsidiaries: { values: () => [['Northwind Inc.', '1'], ['Northwind EMEA Ltd', '3']] },
  },
  slack: {
    channels: { values: () => [['#general', 'C01GENERAL'], ['#procurement', 'C02PROCURE'], ['#revops', 'C03REVOPS']] },
    users: { values: () => [['Priya Raman', 'U01PRIYA'], ['Marcus Lee', 'U02MARCUS']] },
  },
  jira: {
    projects: { values: () => [['Procurement', 'PROC'], ['IT Service Desk', 'ITSD']] },
    issue_types: { param: 'project_key', values: () => [['Task', '10001'], ['Bug', '10004'], ['Story', '10007']] },
  },
};
const FALLBACK: Record<string, PickList> = { objects: { values: () => [['Records', 'records']] } };

export const connectionExtraRoutes: RouteDef[] = [
  {
    // §12.6 → {"data": [[label, value], ...]}; 404 unknown connection.
    method: 'POST',
    path: '/api/connections/:connection_id/pick_list',
    handler: async (ctx) => {
      const c = findConnection(ctx.store, ctx.params.connection_id).connection;
      const body = await bodyOf(ctx);
      if (blank(body.pick_list_name)) throw badRequest('pick_list_name is required');
      const name = String(body.pick_list_name);
      const lists = PICK_LISTS[c.application ?? c.provider ?? ''] ?? FALLBACK;
      const list = Object.hasOwn(lists, name) ? lists[name] : undefined;
      if (!list) throw badRequest(X.unknownPickList(name));
      if (c.authorization_status !== 'success') throw badRequest(X.notAuthorized);
      const params = body.pick_list_params && typeof body.pick_list_params === 'object' ? (body.pick_list_params as Record<string, unknown>) : {};
      if (list.param && blank(params[list.param])) throw badRequest(X.missingPickListParam(list.param));
      return ok({ data: list.values(params) });
    },
  },
  {
    // §12.7 → {"data": {"id", "url"}}: a shell child connection of an established parent, for one end user.
    method: 'POST',
    path: '/api/connections/runtime_user_connections',
    handler: async (ctx) => {
      const { store } = ctx;
      const body = await bodyOf(ctx);
      const v = new Validation();
      const parentId = bodyId(body.parent_id);
      const folderId = bodyId(body.folder_id);
      if (body.parent_id == null) v.add('parent_id', "can't be blank");
      if (body.folder_id == null) v.add('folder_id', "can't be blank");
      else if (folderId === undefined || !store.folders.has(folderId)) v.add('folder_id', 'is invalid');
      if (blank(body.external_id)) v.add('external_id', "can't be blank");
      v.check();
      const parent = parentId === undefined ? undefined : store.connections.get(parentId)?.connection;
      if (!parent) throw notFound();
      const oauth = CONNECTOR_BY_NAME.get(parent.application ?? parent.provider ?? '')?.oauth === true;
      if (!oauth || parent.authorization_status !== 'success' || parent.parent_id != null) throw badRequest(X.parentNotEstablished);
      const now = formatTime(Date.now());
      const externalId = String(body.external_id).trim();
      const connection: Workato.Connection = {
        application: parent.application ?? parent.provider ?? null, id: store.allocateId('connection'),
        name: blank(body.name) ? `${parent.name} (${externalId})` : String(body.name).trim(), description: null,
        authorized_at: null, authorization_status: null, authorization_error: null, created_at: now, updated_at: now,
        external_id: externalId, folder_id: folderId!, connection_lost_at: null, connection_lost_reason: null, parent_id: parent.id,
      };
      store.connections.set(connection.id, { connection, tags: [] });
      store.touch();
      return ok({ data: { id: connection.id, url: X.oauthUrl(connection.id) } });
    },
  },
  {
    // §12.7 → {"data": {"url"}}; only runtime-user (child) connections have one.
    method: 'GET',
    path: '/api/connections/runtime_user_connections/:connection_id/get_oauth_url',
    handler: ({ store, params }) => {
      const c = findConnection(store, params.connection_id).connection;
      if (c.parent_id == null) throw badRequest(X.notRuntimeUserConnection);
      return ok({ data: { url: X.oauthUrl(c.id) } });
    },
  },
];
