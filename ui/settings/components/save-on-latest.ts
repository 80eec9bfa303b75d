/**
 * A change to the document's mapping, written on the mapping as it is then: sent with the revision it was made
 * on, and when a collaborator's save came first (the main thread answers `conflict` with theirs), made again on
 * theirs and sent again. So a save adds to or edits what is stored and never drops another person's mapping.
 */
import type { ComponentMap } from "../../../codegen/components-map/model.js";
import type { StoredComponents } from "../../../contract/components.js";

/** What a save does to the mapping (add, replace, remove one), as a function of the mapping it is made on. */
export type MapChange = (map: ComponentMap) => ComponentMap;
/** Sends `map` to be stored if the stored revision is still `base` (always, without one). */
export type SendMapping = (
  map: ComponentMap,
  base: string | undefined,
) => Promise<{ stored: StoredComponents; conflict?: boolean }>;

/** Saves each collaborator may have made between a read and a write: a rare race, so a few tries are plenty. */
export const SAVE_ATTEMPTS = 3;

/**
 * Stores `change` made on `current` (the mapping the panel shows), again on the newer one after each conflict;
 * `onNewer` gets each newer mapping so the panel shows it. Resolves to what was stored.
 */
export async function saveOnLatest(
  send: SendMapping,
  change: MapChange,
  current: StoredComponents | undefined,
  onNewer: (stored: StoredComponents) => void,
): Promise<StoredComponents> {
  let base = current;
  for (let attempt = 1; ; attempt++) {
    const reply = await send(change(base?.map ?? { components: [] }), base?.revision);
    if (reply.conflict !== true) return reply.stored;
    onNewer(reply.stored);
    if (attempt >= SAVE_ATTEMPTS) {
      throw new Error(
        `The file's component mapping changed under this save ${SAVE_ATTEMPTS} times ` +
          `(collaborators saving at once); this change was not saved. Save it again.`,
      );
    }
    base = reply.stored;
  }
}
