/**
 * Connector metadata served by GET /api/integrations and /api/integrations/all (REFERENCE §8.6, §16).
 * The five connectors present in the fixtures are copied verbatim; the rest follow the same shape.
 * Every application a seeded recipe uses is in this catalogue.
 */
import type { Workato } from '../workato/types.js';
import { FIXTURE_CONNECTORS } from './fixtures.js';

type Op = [name: string, title: string, flags?: 'batch' | 'bulk'];

function op([name, title, flags]: Op): Workato.ConnectorOperation {
  return { name, title, deprecated: false, bulk: flags === 'bulk', batch: flags === 'batch' };
}

function connector(
  name: string,
  title: string,
  categories: string[],
  oauth: boolean,
  triggers: Op[],
  actions: Op[],
): Workato.Connector {
  return { name, title, categories, oauth, deprecated: false, secondary: false, triggers: triggers.map(op), actions: actions.map(op) };
}

const EXTRA: Workato.Connector[] = [
  connector('jira', 'Jira', ['Project Management'], false,
    [['new_issue', 'New issue'], ['updated_issue', 'New/updated issue']],
    [['create_issue', 'Create issue'], ['search_issues', 'Search issues', 'batch']]),
  connector('clock', 'Scheduler', ['Tools'], false,
    [['scheduled_event', 'Scheduled event']], []),
  connector('workato_recipe_function', 'Recipe functions', ['Tools'], false,
    [['execute', 'New function call']], [['call_recipe', 'Call recipe function']]),
  connector('workato_webhooks', 'Webhooks', ['Tools'], false,
    [['webhook', 'New event via webhook']], []),
  connector('email', 'Workato email', ['Tools'], false, [], [['send_mail', 'Send email']]),
  connector('logger', 'Logger', ['Tools'], false, [], [['log_message', 'Log message']]),
  connector('hubspot', 'HubSpot', ['Marketing', 'CRM'], true,
    [['new_contact', 'New contact'], ['new_deal', 'New deal']],
    [['create_contact', 'Create contact'], ['update_deal', 'Update deal']]),
  connector('zendesk', 'Zendesk', ['Customer Service'], true,
    [['new_ticket', 'New ticket'], ['updated_ticket', 'New/updated ticket']],
    [['create_ticket', 'Create ticket'], ['add_comment', 'Add comment to ticket']]),
  connector('service_now', 'ServiceNow', ['IT Service Management'], false,
    [['new_record', 'New record']], [['create_record', 'Create record'], ['update_record', 'Update record']]),
  connector('google_sheets', 'Google Sheets', ['Spreadsheets'], true,
    [['new_row', 'New row in sheet']], [['add_row', 'Add row'], ['update_row', 'Update row']]),
  connector('gmail', 'Gmail', ['Email'], true, [['new_email', 'New email']], [['send_email', 'Send email']]),
  connector('snowflake', 'Snowflake', ['Database', 'Data Warehouse'], false,
    [['new_row', 'New row']], [['insert_rows', 'Insert rows', 'bulk'], ['run_sql', 'Run custom SQL']]),
  connector('workday', 'Workday', ['HR'], false,
    [['new_worker', 'New worker']], [['update_worker', 'Update worker'], ['get_worker', 'Get worker']]),
  connector('shopify', 'Shopify', ['E-commerce'], true,
    [['new_order', 'New order']], [['update_order', 'Update order'], ['create_product', 'Create product']]),
  connector('stripe', 'Stripe', ['Payments'], false,
    [['new_charge', 'New charge']], [['create_customer', 'Create customer'], ['create_refund', 'Create refund']]),
  connector('quickbooks', 'QuickBooks Online', ['Accounting'], true,
    [['new_invoice', 'New invoice']], [['create_invoice', 'Create invoice'], ['create_customer', 'Create customer']]),
  connector('microsoft_teams', 'Microsoft Teams', ['Collaboration'], true,
    [['new_message', 'New message in channel']], [['post_message', 'Post message']]),
  connector('box', 'Box', ['File Storage'], true,
    [['new_file', 'New file in folder']], [['upload_file', 'Upload file'], ['download_file', 'Download file']]),
  connector('okta', 'Okta', ['Identity'], false,
    [['new_user', 'New user']], [['create_user', 'Create user'], ['deactivate_user', 'Deactivate user']]),
  connector('postgresql', 'PostgreSQL', ['Database'], false,
    [['new_row', 'New row']], [['insert_row', 'Insert row'], ['select_rows', 'Select rows', 'batch']]),
  connector('marketo', 'Marketo', ['Marketing'], false,
    [['new_lead', 'New lead']], [['create_lead', 'Create/update lead'], ['add_to_list', 'Add lead to list']]),
];

/** All connectors, sorted by name (the order of GET /api/integrations/all [inferred: alphabetical, as in the fixture]). */
export const CONNECTORS: readonly Workato.Connector[] = [...FIXTURE_CONNECTORS, ...EXTRA].sort((a, b) =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
);

export const CONNECTOR_BY_NAME: ReadonlyMap<string, Workato.Connector> = new Map(CONNECTORS.map((c) => [c.name, c]));

/** Built-in Workato apps: recipes list them in `config` with `account_id: null`, they never have connections. */
export const NO_CONNECTION_APPS: ReadonlySet<string> = new Set([
  'clock', 'workato_recipe_function', 'workato_webhooks', 'email', 'logger',
]);

/** Connectors that can hold a connection (used to seed connections). */
export const CONNECTABLE: readonly Workato.Connector[] = CONNECTORS.filter((c) => !NO_CONNECTION_APPS.has(c.name));

export function connectorTitle(name: string): string {
  return CONNECTOR_BY_NAME.get(name)?.title ?? name;
}
