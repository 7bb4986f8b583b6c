/** §28 Agent Studio: start and stop the seeded stopped genie (a second stop refuses: InputError); seeded ids for by-id queries. */
import type { FamilyWalk } from './types.js';

/** The Northwind workspace's seeded ids (deterministic: routes/agent-studio.ts seeds from the workspace index). */
const STOPPED_GENIE = 'gen-AUNtO5xX-ZLFLvq';

const walk: FamilyWalk = {
  mutations: [
    ['genieStart', () => ({ id: STOPPED_GENIE })],
    ['genieStop', () => ({ id: STOPPED_GENIE })],
    ['genieStop', () => ({ id: STOPPED_GENIE })], // refused: GENIE_STOPPED
  ],
  args: () => ({
    'Query.genie': { id: 'gen-AFFL2rDr-gKHhBj' },
    'Query.skill': { id: 'skl-AUPdlG40-iBlhUB' },
    'Query.knowledgeBase': { id: 'kb-ApJfiuZs-5bPIYP' },
  }),
};

export default walk;
