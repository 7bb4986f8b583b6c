/**
 * Connection forms of the catalogue's connectors (REFERENCE §17.3 #6, §17.8), in the connector SDK's schema format.
 * Workato's answer shows fields with `control_type, label, name, type, hint`; the forms below use those and the SDK's
 * other attributes (`optional`, `default`, `options`, `pick_list`, `ngIf`, `extends_schema`, nested `properties`)
 * [inferred: the fields of each real connector are not in the reference]. Every form has one selector with
 * `extends_schema`: its value activates a part of the connector's extended settings, which the connection-level
 * schema adds.
 */
import type { Workato } from '../workato/types.js';
import { CONNECTOR_BY_NAME } from './catalogue.js';
import { INFERRED } from './inferred.js';

type Field = Workato.SchemaField;

interface Form {
  /** The static base schema (the connector-level answer). */
  base: Field[];
  /** The base field whose value picks the extended settings. */
  selector: string;
  /** Extended settings by selector value; the selector's `default` applies to a connection that never set it. */
  extended: Record<string, Field[]>;
}

const text = (name: string, label: string, extra: Partial<Field> = {}): Field => ({ name, label, type: 'string', control_type: 'text', optional: false, ...extra });
const secret = (name: string, label: string, hint: string): Field => text(name, label, { control_type: 'password', hint });
const select = (name: string, label: string, options: Array<[string, string]>, hint: string): Field =>
  text(name, label, { control_type: 'select', options, default: options[0]![1], extends_schema: true, hint });

/** OAuth connectors: the user signs in at the app; an API token is the alternative. */
function oauthForm(title: string): Form {
  return {
    base: [
      select('auth_type', 'Authentication type', [['OAuth 2.0', 'oauth2'], ['API token', 'api_token']], `How Workato signs in to ${title}.`),
      text('region', 'Data center', { control_type: 'select', pick_list: 'regions', optional: true, hint: `The ${title} data center of the account.` }),
    ],
    selector: 'auth_type',
    extended: {
      oauth2: [text('scopes', 'Additional scopes', { optional: true, sticky: true, hint: 'Space-separated OAuth scopes beyond the connector defaults.' })],
      api_token: [secret('api_token', 'API token', `Create one under <b>Settings › API</b> in ${title}.`)],
    },
  };
}

/** Credential connectors: user name and password, reached from the cloud or through an on-prem agent. */
function credentialsForm(title: string): Form {
  return {
    base: [
      select('connection_type', 'Connection type', [['Cloud', 'cloud'], ['On-prem', 'on_prem']], `Where Workato reaches ${title} from.`),
      text('host', 'Host', { control_type: 'url', hint: `The address of the ${title} instance, for example <code>https://acme.example.com</code>.` }),
      text('username', 'User name'),
      secret('password', 'Password', 'Stored encrypted; never shown again.'),
      {
        name: 'advanced', label: 'Advanced settings', type: 'object', optional: true,
        properties: [
          { name: 'timeout', label: 'Timeout (seconds)', type: 'integer', control_type: 'integer', optional: true, default: 60 },
          { name: 'verify_ssl', label: 'Verify SSL certificate', type: 'boolean', control_type: 'checkbox', optional: true, default: true, ngIf: "input.connection_type != 'on_prem'" },
        ],
      },
    ],
    selector: 'connection_type',
    extended: {
      cloud: [],
      on_prem: [
        text('profile', 'On-prem connection profile', {
          disable_formula: true, ngIf: '!line.use_managed_connection',
          hint: "The profile name in the on-prem agent's <code>config.yml</code>.",
        }),
      ],
    },
  };
}

/** The form of a connector; undefined for a name the catalogue does not have. Built-in apps have an empty one. */
export function formOf(application: string): Form | undefined {
  const connector = CONNECTOR_BY_NAME.get(application);
  if (!connector) return undefined;
  if (INFERRED.connectionlessConnectors.includes(application)) return { base: [], selector: '', extended: {} };
  const title = connector.title ?? application;
  return connector.oauth ? oauthForm(title) : credentialsForm(title);
}

/**
 * What a connection keeps of its `input` (create or update): the values of its form's `extends_schema` selectors,
 * which decide its extended settings. Credentials are never kept.
 */
export function settingsOf(application: string, input: Record<string, unknown> | undefined): Record<string, string> {
  const form = formOf(application);
  if (!form || !input) return {};
  const value = input[form.selector];
  return typeof value === 'string' && value in form.extended ? { [form.selector]: value } : {};
}

/** The schema of a connection: its connector's base, plus the extended settings its kept input activates. */
export function connectionSchema(application: string, settings: Readonly<Record<string, string>>): Field[] {
  const form = formOf(application);
  if (!form) return [];
  const selector = form.base.find((f) => f.name === form.selector);
  const chosen = settings[form.selector] ?? (selector?.default as string | undefined);
  return [...form.base, ...((chosen !== undefined && form.extended[chosen]) || [])];
}
