/**
 * After fast-check has shrunk a failing case (fewer edits, a narrower band, a smaller frame), the frame may still hold
 * dozens of layers that play no part. This takes layers out while the failure stays (delta debugging: halves, then
 * quarters … of the frame's layers, then each layer one by one, depth first; an instance whole), refits the groups
 * left (rest-boxes.ts), and crops the frame to what is left: the fixture a failure leaves is a few layers.
 */
import { cropped } from "./habit-bases.js";
import { childrenOf, settle, type Raw } from "./rest-boxes.js";

/**
 * The ids of the layers a designer could take out, in paint order: every layer but those inside an instance (they
 * are its component's: the instance goes whole or stays whole).
 */
function layerIds(frame: Raw): string[] {
  const out: string[] = [];
  const walk = (n: Raw): void => {
    for (const c of childrenOf(n)) {
      out.push(String(c["id"]));
      if (c["type"] !== "INSTANCE") walk(c);
    }
  };
  walk(frame);
  return out;
}

/** A copy of `frame` without the layers `ids` (and what they hold); groups left empty go too. */
export function withoutLayers(frame: Raw, ids: ReadonlySet<string>): Raw {
  const copy = structuredClone(frame);
  const prune = (n: Raw): void => {
    const kept = childrenOf(n).filter((c) => !ids.has(String(c["id"])));
    for (const c of kept) prune(c);
    n["children"] = kept.filter((c) => c["type"] !== "GROUP" || childrenOf(c).length > 0);
  };
  prune(copy);
  settle(copy, new Set());
  return copy;
}

export interface Reduced {
  frame: Raw;
  /** Layers taken out. */
  removed: number;
  /** Whether it stopped at the deadline rather than at a frame no layer can leave. */
  timedOut: boolean;
}

/**
 * The smallest frame found, by taking layers out of `frame`, on which `fails` still answers true; stops at `deadline`
 * (a `Date.now()` time).
 */
export async function reduceLayers(
  frame: Raw,
  fails: (frame: Raw) => Promise<boolean>,
  deadline: number,
): Promise<Reduced> {
  let current = frame;
  const before = layerIds(frame).length;
  const attempt = async (candidate: Raw): Promise<boolean> => {
    if (layerIds(candidate).length === 0 || !(await fails(candidate))) return false;
    current = candidate;
    return true;
  };
  // The top level in chunks, halves first.
  for (let chunks = 2; Date.now() < deadline; chunks *= 2) {
    const top = childrenOf(current).map((c) => String(c["id"]));
    if (chunks > top.length) break;
    const size = Math.ceil(top.length / chunks);
    for (let i = 0; i < top.length && Date.now() < deadline; i += size)
      await attempt(withoutLayers(current, new Set(top.slice(i, i + size))));
  }
  // Then each layer, until none can go.
  for (let changed = true; changed && Date.now() < deadline; ) {
    changed = false;
    for (const id of layerIds(current)) {
      if (Date.now() >= deadline) break;
      if (!layerIds(current).includes(id)) continue;
      if (await attempt(withoutLayers(current, new Set([id])))) changed = true;
    }
  }
  if (Date.now() < deadline) await attempt(cropped(current));
  return { frame: current, removed: before - layerIds(current).length, timedOut: Date.now() >= deadline };
}
