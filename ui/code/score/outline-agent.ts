/**
 * The script the visible preview runs (as source text, allowed by its hash: codegen/preview/page-script.ts): when the
 * panel names a layer, it outlines the element carrying that layer's id and scrolls it into view; `null` clears the
 * outline. The outline is an element of its own laid over the page, so the page's own styles stay as they are.
 */

/** What the panel posts to the preview. */
export interface OutlineRequest {
  type: "figment-outline";
  nodeId: string | null;
}

/** Runs inside the page: self-contained (only the page's globals). */
function outlineAgent(): void {
  let target: Element | null = null;
  let box: HTMLElement | null = null;
  const place = (): void => {
    if (!box) return;
    const rect = target?.isConnected ? target.getBoundingClientRect() : undefined;
    const shown = rect !== undefined && target!.getClientRects().length > 0;
    const css: Record<string, string> = {
      position: "absolute",
      display: shown ? "block" : "none",
      left: `${(rect?.left ?? 0) + scrollX - 2}px`,
      top: `${(rect?.top ?? 0) + scrollY - 2}px`,
      width: `${(rect?.width ?? 0) + 4}px`,
      height: `${(rect?.height ?? 0) + 4}px`,
      margin: "0",
      padding: "0",
      border: "2px solid #0d99ff",
      "box-sizing": "border-box",
      background: "rgba(13, 153, 255, 0.12)",
      "pointer-events": "none",
      "z-index": "2147483647",
    };
    for (const [property, value] of Object.entries(css)) box.style.setProperty(property, value, "important");
  };
  addEventListener("message", (event: MessageEvent) => {
    if (event.source !== parent) return;
    const data = event.data as Partial<OutlineRequest> | null;
    if (!data || data.type !== "figment-outline") return;
    target = typeof data.nodeId === "string" ? document.querySelector(`[data-node-id="${CSS.escape(data.nodeId)}"]`) : null;
    if (!box) {
      box = document.createElement("figment-outline");
      box.setAttribute("aria-hidden", "true");
      document.documentElement.append(box);
    }
    // The page's own scroll only (scrollIntoView could scroll the panel around the preview too).
    if (target && target.getClientRects().length > 0) {
      const r = target.getBoundingClientRect();
      scrollTo(Math.max(0, r.left + scrollX + r.width / 2 - innerWidth / 2), Math.max(0, r.top + scrollY + r.height / 2 - innerHeight / 2));
    }
    place();
  });
  addEventListener("resize", place);
  addEventListener("scroll", place, true);
}

/** The agent as one script's text. */
export const OUTLINE_SCRIPT = `(${outlineAgent.toString()})();`;
