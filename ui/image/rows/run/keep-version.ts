/**
 * Every Rows result kept as the single images are (ui/image/version-store.ts): a ≤ 256 px preview with how
 * it was made, saved by the main thread in this file's image versions (History lists them), and — once
 * placed — which layers it became. A save the store refuses (full) is an answer, shown on the item's tile. Each
 * finished item goes into the run's grid (placeRunItem).
 */
import { PluginError, type MainRequests } from "../../../channel/requests.js";
import { keepInHistory } from "../../../channel/history-client.js";
import { previewOf } from "../../convert.js";
import { storedOf } from "../../record.js";
import type { ImageVersion } from "../../versions.js";
import { placeInGrid } from "./grid-place.js";
import type { Placement, RunState } from "./run-state.js";

/** The saves under way, by version id: a placement is noted in History once its version is stored. */
const saving = new Map<string, Promise<unknown>>();

/** Saves `version`; resolves with why it is not kept, or undefined when it is. */
export function keepVersion(requests: MainRequests, version: ImageVersion): Promise<string | undefined> {
  const kept = save(requests, version);
  saving.set(version.id, kept);
  void kept.then(() => saving.get(version.id) === kept && saving.delete(version.id));
  return kept;
}

async function save(requests: MainRequests, version: ImageVersion): Promise<string | undefined> {
  if (!version.bytes) return "No image to keep.";
  try {
    const preview = await previewOf(version.bytes);
    await requests.call("save-image-version", { version: storedOf(version, preview) });
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** History learns where the version was placed (its bytes are not stored again), after its save. */
export function notePlacement(requests: MainRequests, versionId: string, nodeIds: readonly string[]): void {
  void (saving.get(versionId) ?? Promise.resolve()).then(() =>
    keepInHistory(requests, {
      kind: "image",
      id: versionId,
      placedAs: { nodeIds: nodeIds.slice(0, 100), at: new Date().toISOString() },
    }),
  );
}

/**
 * A run's finished item into its grid (by id once the grid is made), noted in History; or why the canvas refused it.
 */
export async function placeRunItem(
  requests: MainRequests,
  state: RunState,
  index: number,
  version: ImageVersion,
): Promise<{ placement: Placement; gridId?: string }> {
  const item = state.plan.items[index]!;
  try {
    const done = await placeInGrid(
      requests,
      version,
      { stem: item.stem, index },
      state.gridId ? { id: state.gridId } : { name: state.plan.name },
      state.plan.grid,
    );
    notePlacement(requests, version.id, [done.gridId, done.layerId]);
    return { placement: { state: "placed", layerId: done.layerId }, gridId: done.gridId };
  } catch (error) {
    const code = error instanceof PluginError ? error.code : "failed";
    return { placement: { state: "refused", code, message: error instanceof Error ? error.message : String(error) } };
  }
}
