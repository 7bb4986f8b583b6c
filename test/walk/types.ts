/**
 * What a family added after the first six contributes to test/schema-walk.test.ts: one file per family in this
 * folder (`test/walk/<family>.ts`, default export a FamilyWalk), so no family edits the walk itself.
 */

/** An enum value in a generated literal (printed bare, not quoted). */
export class Enum {
  constructor(readonly value: string) {}
}

/** Ids kept from earlier mutations' payloads (`keep` names), shared by every family's steps. */
export type WalkState = Record<string, string>;

export interface FamilyWalk {
  /**
   * Mutations, in an order where each can succeed (or refuses on purpose, to walk a UserError type): the mutation
   * name, its `input` from the state, and optionally the state key under which to keep the payload object's `id`.
   * They run after the core mutations, family by family in file-name order.
   */
  mutations?: Array<[name: string, input: (state: WalkState) => Record<string, unknown>, keep?: string]>;
  /** Arguments of fields with required arguments, keyed `Type.field` (e.g. `Query.tag`), from the state. */
  args?(state: WalkState): Record<string, Record<string, unknown>>;
  /** Types deeper than the generated documents reach: [document prefix, type name, suffix], as in the walk. */
  deep?(state: WalkState): Array<[prefix: string, typeName: string, suffix: string]>;
}
