/**
 * The example operations GraphiQL opens with, one tab per domain. Each runs as is against the demo workspace and
 * against a real one (lists, not hard-coded ids). test/graphiql-examples.test.ts validates every one against the
 * schema and runs it, so an example can never drift from the schema.
 */
export interface GraphiQLExample {
  /** Shown in the docs and the test names; GraphiQL titles a tab with its operation name. */
  title: string;
  query: string;
  /** JSON, as GraphiQL's variables editor holds it. */
  variables?: string;
}

// Comment lines stay under 56 characters: GraphiQL's query editor is about that wide on a laptop screen.
const AUTH = `# Token: in the Headers tab below, enter your Workato
# API client token as
#   {"Authorization": "Bearer <API client token>"}
# (not needed in demo mode, nor when the gateway has
# its own WORKATO_API_TOKEN).`;

export const RECIPES_WITH_JOBS: GraphiQLExample = {
  title: 'Recipes with their latest jobs',
  query: /* GraphQL */ `# Workato GraphQL gateway: one typed API over Workato.
# Run with the pink button or Ctrl-Enter. Each tab holds
# an example for one domain; the book icon (top left)
# opens the docs for every type and field.
${AUTH}
#
# One request: the workspace, recipes with their folder,
# connections, connectors and latest jobs, batched by the
# gateway into a handful of REST calls.
query RecipesWithJobs {
  me {
    name
    activeRecipesCount
  }
  recipes(first: 10) {
    pageInfo { hasNextPage endCursor }
    nodes {
      id
      name
      running
      folder { name parent { name } }
      triggerConnector { title }
      connections { name application connected }
      jobs(first: 3) {
        totalCount
        failedCount
        nodes { handle status title error completedAt }
      }
    }
  }
}
`,
};

export const CONNECTION_STATUS: GraphiQLExample = {
  title: "A connection's status",
  query: /* GraphQL */ `# Which connections work, and why the others do not:
# \`connected\` is true when Workato reports a successful
# authorization; otherwise \`authorizationError\` and
# \`connectionLostReason\` say why. Set \`application\` in
# Variables (for example "salesforce") to filter.
${AUTH}
query ConnectionStatus($application: String) {
  connections(first: 50, application: $application) {
    totalCount
    nodes {
      id
      name
      application
      connected
      authorizationStatus
      authorizationError
      authorizedAt
      connectionLostAt
      connectionLostReason
      folder { name }
    }
  }
}
`,
  variables: JSON.stringify({ application: null }, null, 2),
};

export const MANAGED_USER_WORKSPACE: GraphiQLExample = {
  title: "A managed user's workspace",
  query: /* GraphQL */ `# Embedded partners: your customers (Workato's managed
# users) and what runs in each customer's workspace.
# Only a partner (Embed admin) workspace's token can
# read them; other tokens get a FORBIDDEN error.
${AUTH}
query ManagedUserWorkspace {
  managedUsers(first: 3) {
    nodes {
      id
      name
      externalId
      planId
      inTrial
      # This billing period's figures: one more call per
      # customer (GET /api/managed_users/:id).
      taskCount
      activeRecipeCount
      recipes(first: 5) {
        nodes { id name running lastRunAt }
      }
      connections(first: 10) {
        nodes { id name application connected authorizationError }
      }
    }
  }
}
`,
};

/**
 * Three steps in one tab, since an export needs a manifest first. Each step's input is the previous step's output:
 * `exportManifestId` is the `exportManifest.id` of step 1, `packageId` the `package.id` of step 2 (the examples test
 * follows the same rule).
 */
export const PACKAGE_EXPORT: GraphiQLExample = {
  title: 'A package export',
  query: /* GraphQL */ `# Export a folder's recipes and connections as a package
# zip, in three steps (put the cursor in one and press
# Ctrl-Enter, or pick it from the run button's menu):
# 1. PackageExportManifest: a manifest of every asset in
#    the folder \`folderId\` (in Variables; \`folders\` lists
#    yours).
# 2. PackageExport: copy the manifest's \`id\` into
#    Variables as "exportManifestId", then run it.
# 3. PackageExportStatus: copy the package's \`id\` into
#    "packageId" and run it until \`status\` is COMPLETED;
#    then download the zip from \`downloadUrl\` (same token).
#    The \`packageStatus\` subscription streams the changes.
${AUTH}
mutation PackageExportManifest($folderId: ID) {
  exportManifestCreate(input: {
    name: "Exported from GraphiQL"
    folderId: $folderId
    autoGenerateAssets: true
  }) {
    exportManifest {
      id
      name
      assets { type name checked }
    }
    userErrors { code message field }
  }
}

mutation PackageExport($exportManifestId: ID!) {
  packageExport(input: { manifestId: $exportManifestId }) {
    package { id status }
    userErrors { code message field }
  }
}

query PackageExportStatus($packageId: ID!) {
  package(id: $packageId) {
    id
    status
    succeeded
    error
    downloadUrl
    exportManifest { name }
  }
}
`,
  // 1201101 is the demo workspace's "Order to Cash" project folder.
  variables: JSON.stringify({ folderId: '1201101', exportManifestId: '<id from step 1>', packageId: '<id from step 2>' }, null, 2),
};

/** Two steps: the roles to choose from (and who is already in), then the invitation with one of them. */
export const INVITE_COLLABORATOR: GraphiQLExample = {
  title: 'Invite a collaborator',
  query: /* GraphQL */ `# Invite a collaborator to your workspace, in two steps:
# 1. WorkspaceCollaborators: the roles you can give,
#    and the members already in the workspace.
# 2. InviteCollaborator: put the address and a role
#    name in Variables, then run it. Workato sends one
#    invitation per address and workspace every 20
#    minutes (INVITATION_ALREADY_SENT in userErrors).
# To invite into an Embedded customer's workspace, add
# \`managedUser: { externalId: "…" }\` to the input.
${AUTH}
query WorkspaceCollaborators {
  collaboratorRoles {
    name
    privileges { resource actions }
  }
  members(first: 25) {
    totalCount
    nodes { id name email roles { environmentType roleName } }
  }
}

mutation InviteCollaborator($name: String!, $email: String!, $roleName: String!) {
  memberInvite(input: {
    name: $name
    email: $email
    envRoles: [{ environmentType: "dev", roleName: $roleName }]
  }) {
    invitation { email envRoles { environmentType roleName } sentAt }
    userErrors { code message field }
  }
}
`,
  variables: JSON.stringify({ name: 'Sam Rivera', email: 'sam.rivera@example.com', roleName: 'Analyst' }, null, 2),
};

export const RECIPE_AUDIT_LOG: GraphiQLExample = {
  title: 'Audit log of a recipe',
  query: /* GraphQL */ `# Who changed, started or stopped your newest recipes,
# when, and from where: each recipe's entries of the
# workspace's activity audit log, newest first. Workato
# cannot filter the log by recipe, so the gateway reads
# its recipe entries (100 per call, shared by all the
# recipes below) and keeps each recipe's own. The API
# client's role needs access to the audit log.
${AUTH}
query RecipeAuditLog {
  recipes(first: 3) {
    nodes {
      name
      running
      auditLog(first: 5) {
        nodes {
          occurredAt
          eventType
          user { name email }
          request { ipAddress userAgent }
        }
      }
    }
  }
}
`,
};

/**
 * Two steps in one tab: write environment properties, then read them back by prefix (Workato lists properties by
 * prefix only).
 */
export const SET_ENVIRONMENT_PROPERTIES: GraphiQLExample = {
  title: 'Set environment properties',
  query: /* GraphQL */ `# Environment properties: named strings recipes read
# at run time. Writes are all or nothing; names are at
# most 100 characters, values 1,024, and an environment
# (or project: add projectId) holds at most 1,000.
# 1. SetEnvironmentProperties: create or overwrite.
# 2. EnvironmentProperties: read them back by \`prefix\`.
${AUTH}
mutation SetEnvironmentProperties {
  propertiesUpsert(input: {
    properties: [
      { name: "salesforce_sync.object_name", value: "Account" }
      { name: "salesforce_sync.batch_size", value: "200" }
    ]
  }) {
    properties { name value }
    userErrors { code message field }
  }
}

query EnvironmentProperties($prefix: String!) {
  properties(prefix: $prefix) {
    id
    name
    relativeName
    value
  }
}
`,
  variables: JSON.stringify({ prefix: 'salesforce_sync.' }, null, 2),
};

export const ON_PREM: GraphiQLExample = {
  title: 'On-prem groups and agents',
  query: /* GraphQL */ `# On-prem groups and the agents that serve them.
# A group takes work while one of its agents is active.
# All groups' agents come from one agent list; each
# status is one call, batched by the gateway.
${AUTH}
query OnPremGroups {
  onPremGroups(first: 10) {
    totalCount
    nodes {
      id
      name
      inUse
      whitelistedIps
      status { state active activeAgentCount }
      agents {
        name
        os
        enabled
        status { state lastSeenAt version }
      }
    }
  }
}
`,
};

export const EVENT_STREAM: GraphiQLExample = {
  title: 'Event stream subscription',
  query: /* GraphQL */ `# Follow an event topic as messages arrive.
# Run Topics first, then FollowTopic with a topic's id
# as \`topicId\` (Variables tab). The subscription
# streams one event per message, oldest first, and
# keeps going until you stop it; the gateway long-polls
# Workato (60 calls per minute per token).
${AUTH}
query Topics {
  eventTopics(first: 5) {
    edges {
      topic: node {
        id
        name
        schema { name type }
        messages(first: 3) { nodes { messageId publishedAt } }
      }
    }
  }
}

subscription FollowTopic($topicId: ID!) {
  topicMessages(topicId: $topicId) {
    messageId
    publishedAt
    payload
  }
}
`,
};

/** In tab order: the first one is what GraphiQL shows on a first visit. */
export const GRAPHIQL_EXAMPLES: GraphiQLExample[] = [
  RECIPES_WITH_JOBS, CONNECTION_STATUS, MANAGED_USER_WORKSPACE, PACKAGE_EXPORT,
  SET_ENVIRONMENT_PROPERTIES, INVITE_COLLABORATOR, RECIPE_AUDIT_LOG, ON_PREM,
  EVENT_STREAM,
];
