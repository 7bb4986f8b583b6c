/** §22 API platform: the writes in an order where each succeeds (one refusal walks API_ENDPOINT_RECIPE_STOPPED). */
import { toGlobalId } from '../../src/resolvers/relay.js';
import { Enum, type FamilyWalk } from './types.js';

const SPEC = JSON.stringify({ openapi: '3.0.0', info: { title: 'Walk', version: '1' }, paths: { '/walk': { get: {} } } });

const walk: FamilyWalk = {
  mutations: [
    ['apiCollectionCreate', () => ({ name: 'Walk collection', projectId: '44021', openApiSpec: SPEC }), 'apiCollection'],
    ['apiEndpointCreate', (s) => ({ collectionId: s.apiCollection!, name: 'Walk endpoint', method: new Enum('POST'), path: 'walk/run', recipeId: '3307601' }), 'apiEndpoint'],
    ['apiEndpointEnable', (s) => ({ id: s.apiEndpoint! })],
    ['apiEndpointEnable', () => ({ id: '9904' })], // refused: the recipe is stopped
    ['apiEndpointDisable', (s) => ({ id: s.apiEndpoint! })],
    ['apiPlatformClientCreate', (s) => ({ name: 'Walk client', apiCollectionIds: [s.apiCollection!], authType: new Enum('TOKEN') }), 'apiPlatformClient'],
    ['apiPlatformClientUpdate', (s) => ({ id: s.apiPlatformClient!, description: 'walked' })],
    ['apiKeyCreate', (s) => ({ clientId: s.apiPlatformClient!, name: 'Walk key' }), 'apiKey'],
    ['apiKeyDisable', (s) => ({ id: s.apiKey! })],
    ['apiKeyEnable', (s) => ({ id: s.apiKey! })],
    ['apiKeySecretRefresh', (s) => ({ id: s.apiKey! })],
    ['apiKeyDelete', (s) => ({ id: s.apiKey! })],
    ['apiPlatformClientDelete', (s) => ({ id: s.apiPlatformClient! })],
    ['apiCollectionDelete', (s) => ({ id: s.apiCollection! })],
  ],
  args: () => ({
    'Query.apiCollection': { id: '1361' },
    'Query.apiEndpoint': { id: '9903' },
    'Query.apiPlatformClient': { id: '5101' },
    'Query.apiPortal': { id: '201' },
  }),
  deep: () => [
    ['{ apiPlatformClient(id: "5101") { keys(first: 2) ', 'ApiKeyConnection', '} }'],
    [`{ node(id: "${toGlobalId('ApiCollection', [1361])}") { ... on ApiCollection { endpoints(first: 2) `, 'ApiEndpointConnection', '} } }'],
  ],
};

export default walk;
