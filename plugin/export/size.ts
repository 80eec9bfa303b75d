/** Size checks that keep one export from freezing Figma. */
import { PluginError, formatCount } from "../errors.js";
import { MAX_LAYERS, MAX_SIDE } from "../../contract/limits.js";
import { YIELD_EVERY } from "../limits.js";
import { nextTask } from "../tasks.js";

/**
 * Descendants of `node`, counted up to `limit + 1` (enough to know it is too many). Yields to Figma every
 * YIELD_EVERY nodes, and stops early when `stop()` says so.
 */
export async function countDescendants(
  node: SceneNode,
  limit: number,
  stop: () => boolean = () => false,
): Promise<number> {
  let count = 0;
  const stack: SceneNode[] = "children" in node ? [...node.children] : [];
  while (stack.length > 0 && count <= limit) {
    const next = stack.pop()!;
    count++;
    if ("children" in next) for (const child of next.children) stack.push(child);
    if (count % YIELD_EVERY === 0) {
      await nextTask();
      if (stop()) break;
    }
  }
  return count;
}

export function tooWide(node: SceneNode): PluginError | undefined {
  if (Math.max(node.width, node.height) <= MAX_SIDE) return undefined;
  return new PluginError(
    "too-large",
    `“${node.name}” is ${formatCount(node.width)} × ${formatCount(node.height)} px; Figment exports ` +
      `frames up to ${formatCount(MAX_SIDE)} px on a side. Select a smaller frame or a section of it.`,
  );
}

/** Throws "too-large" when `node` is too wide or holds more than MAX_LAYERS layers. */
export async function checkSize(node: SceneNode, stop?: () => boolean): Promise<void> {
  const wide = tooWide(node);
  if (wide) throw wide;
  const layers = await countDescendants(node, MAX_LAYERS, stop);
  if (layers > MAX_LAYERS) {
    throw new PluginError(
      "too-large",
      `“${node.name}” has more than ${formatCount(MAX_LAYERS)} layers, too ` +
        `many to export at once. Select a smaller frame or a section of it.`,
    );
  }
}
