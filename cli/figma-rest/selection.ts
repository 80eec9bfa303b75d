/**
 * What to ask Figma for, read from the design tree the codegen built (so it is exactly what the code will
 * use): the imageRefs of the image fills and strokes, and the ids of the layers drawn as one SVG — vectors,
 * boolean operations and the icon groups/instances the normaliser folds into one vector.
 */
import type { DesignDocument, DesignNode } from "../../codegen/index.js";

export interface AssetSelection {
  /** imageRefs in first-use order, without duplicates. */
  imageRefs: string[];
  /** Node ids of the layers the code draws as SVG, in tree order. */
  vectorIds: string[];
}

/** Ids per `GET /v1/images` request: Figma renders each id; fewer per call keeps each render (and URL) small. */
export const IDS_PER_RENDER = 50;

export function selectAssets(document: DesignDocument): AssetSelection {
  const imageRefs = new Set<string>();
  for (const asset of Object.values(document.assets)) {
    // "" comes from a hint (no ref), "missing" from a paint without imageRef: nothing to fetch for either.
    if (asset.kind === "image" && asset.imageRef !== "" && asset.imageRef !== "missing") imageRefs.add(asset.imageRef);
  }
  const vectorIds: string[] = [];
  const walk = (node: DesignNode): void => {
    if (node.asset !== undefined && document.assets[node.asset]?.kind === "svg") vectorIds.push(node.id);
    for (const child of node.children ?? []) walk(child);
  };
  for (const frame of document.frames) walk(frame);
  return { imageRefs: [...imageRefs], vectorIds: [...new Set(vectorIds)] };
}

/** Splits `items` into runs of at most `size`. */
export function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Runs `task` on every item with at most `limit` at once; results keep the items' order. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      try {
        results[index] = await task(items[index]!, index);
      } catch (error) {
        next = items.length; // the first failure stops the others from taking more
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
