/**
 * The font Chromium draws each generic family in (issue 51's font matching): a page's "Lucida Grande", Verdana,
 * sans-serif is drawn in the browser's sans-serif where it has neither, and the text layer must take that font, not
 * the stack's first name. A hidden probe per generic family (and one with the standard font, for a stack of missing
 * families) is asked CDP's CSS.getPlatformFontsForNode, then taken out; the reader gets the answers
 * (ReadOptions.generics, contract/layers-read-fonts.ts).
 */
import type { Page } from "playwright-core";

/** The keywords probed; "standard" is the font of a stack that names nothing the browser has (font-family: initial). */
const PROBED = ["serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui", "standard"] as const;
const PROBE_ID = "figment-generic-fonts";

/** Keyword → the platform font's family (empty where Chromium does not say). */
export async function genericFonts(page: Page): Promise<Record<string, string>> {
  await page.evaluate(
    ({ id, keys }) => {
      type El = { id: string; setAttribute(n: string, v: string): void; appendChild(c: El): void; textContent: string };
      const d = (globalThis as unknown as { document: { createElement(t: string): El; documentElement: El } }).document;
      const host = d.createElement("div");
      host.id = id;
      host.setAttribute("style", "all:initial;position:absolute;left:0;top:0;visibility:hidden");
      for (const key of keys) {
        const span = d.createElement("span");
        span.setAttribute("style", `font-family:${key === "standard" ? "initial" : key}`);
        span.textContent = "Aa";
        host.appendChild(span);
      }
      d.documentElement.appendChild(host);
    },
    { id: PROBE_ID, keys: [...PROBED] },
  );
  const cdp = await page.context().newCDPSession(page);
  const out: Record<string, string> = {};
  try {
    await cdp.send("DOM.enable");
    await cdp.send("CSS.enable");
    const { root } = await cdp.send("DOM.getDocument", { depth: 0 });
    const { nodeIds } = await cdp.send("DOM.querySelectorAll", {
      nodeId: root.nodeId,
      selector: `#${PROBE_ID} > span`,
    });
    for (const [i, nodeId] of nodeIds.entries()) {
      const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId });
      const family = fonts.find((f) => !f.isCustomFont)?.familyName;
      if (family && PROBED[i]) out[PROBED[i]] = family;
    }
  } finally {
    await page.evaluate((id) => {
      const d = globalThis as unknown as {
        document: { getElementById(i: string): { remove(): void } | null; body: { getBoundingClientRect(): unknown } };
      };
      d.document.getElementById(id)?.remove();
      // The layout settled again before the reader's clock starts.
      d.document.body.getBoundingClientRect();
    }, PROBE_ID);
    await cdp.detach().catch(() => undefined);
  }
  return out;
}
