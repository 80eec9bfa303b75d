/**
 * The script the visible preview runs (allowed by its hash: codegen/preview/page-script.ts): when the panel names a
 * layer, it outlines the element carrying that layer's id and scrolls the page (only the page) to it; `null` clears
 * the outline. The outline is an element of its own laid over the page, so the page's own styles stay as they are.
 * Plain text with its hash written beside it (outline-agent.test.ts checks the two agree), so that ui.html carries
 * no hashing code; the measuring pages hash their probes at run time (score/measure.ts, in the draft part).
 */
import type { PageScript } from "../../../codegen/preview/page-script.js";

/** What the panel posts to the preview. */
export interface OutlineRequest {
  type: "figment-outline";
  nodeId: string | null;
}

const text =
  `(function () {
  var target = null, box = null;
  function place() {
    if (!box) return;
    var r = target && target.isConnected && target.getClientRects().length > 0 ? target.getBoundingClientRect() : ` +
  `null;
    var css = {
      position: "absolute", display: r ? "block" : "none", margin: "0", padding: "0", "box-sizing": "border-box",
      left: (r ? r.left + scrollX - 2 : 0) + "px", top: (r ? r.top + scrollY - 2 : 0) + "px",
      width: (r ? r.width + 4 : 0) + "px", height: (r ? r.height + 4 : 0) + "px",
      border: "2px solid #0d99ff", background: "rgba(13, 153, 255, 0.12)", "pointer-events": "none", "z-index": ` +
  `"2147483647"
    };
    for (var k in css) box.style.setProperty(k, css[k], "important");
  }
  addEventListener("message", function (event) {
    var data = event.data;
    if (event.source !== parent || !data || data.type !== "figment-outline") return;
    target = typeof data.nodeId === "string" ? document.querySelector('[data-node-id="' + CSS.escape(data.nodeId) + ` +
  `'"]') : null;
    if (!box) {
      box = document.createElement("figment-outline");
      box.setAttribute("aria-hidden", "true");
      document.documentElement.appendChild(box);
    }
    if (target && target.getClientRects().length > 0) {
      var r = target.getBoundingClientRect();
      scrollTo(Math.max(0, r.left + scrollX + r.width / 2 - innerWidth / 2), Math.max(0, r.top + scrollY + r.height ` +
  `/ 2 - innerHeight / 2));
    }
    place();
  });
  addEventListener("resize", place);
  addEventListener("scroll", place, true);
})();`;

export const OUTLINE_SCRIPT: PageScript = { text, hash: "'sha256-3ZjAr9OYYhhT79PofXEAN0UWmlpgDMuLehDCSKw08rk='" };
