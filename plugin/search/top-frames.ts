/**
 * Which layers Search calls a file's frames: the top-level frames, components and component sets of each
 * page, and those directly inside a section at the top of a page (or inside a section in such a section).
 * Designers organise pages in sections ("Onboarding", "Checkout", "Archive"), so a page's screens are very
 * often one level down; treating a section itself as the frame would index a whole flow as one result.
 */

/** Layers Search indexes as frames. */
const FRAME_TYPES = new Set<NodeType>(["FRAME", "COMPONENT", "COMPONENT_SET"]);

export type TopFrame = FrameNode | ComponentNode | ComponentSetNode;

export function isTopFrameType(node: BaseNode): node is TopFrame {
  return FRAME_TYPES.has(node.type);
}

/** One frame with the sections it is in (hidden when any of them is hidden). */
export interface FoundFrame {
  frame: TopFrame;
  /** The frame or a section around it is hidden. */
  hidden: boolean;
}

/** The page's frames in layer order. Reads `page.children`: a page other than the current one must be loaded first. */
export function topFrames(page: PageNode): FoundFrame[] {
  const out: FoundFrame[] = [];
  const visit = (nodes: readonly SceneNode[], hiddenAbove: boolean): void => {
    for (const node of nodes) {
      if (isTopFrameType(node)) out.push({ frame: node, hidden: hiddenAbove || !node.visible });
      else if (node.type === "SECTION") visit(node.children, hiddenAbove || !node.visible);
    }
  };
  visit(page.children, false);
  return out;
}

/** The top-level frame (by the rule above) that holds `node`, itself when it is one; undefined when none does. */
export function topFrameOf(node: BaseNode): TopFrame | undefined {
  // From the page down: past the sections, the first layer is the top-level frame, or there is none.
  const chain: BaseNode[] = [];
  for (
    let current: BaseNode | null = node;
    current && current.type !== "PAGE" && current.type !== "DOCUMENT";
    current = current.parent
  )
    chain.push(current);
  for (let i = chain.length - 1; i >= 0; i--) {
    const layer = chain[i]!;
    if (layer.type === "SECTION") continue;
    return isTopFrameType(layer) ? layer : undefined;
  }
  return undefined;
}
