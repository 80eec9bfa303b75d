/**
 * The script a measuring page runs (as source text, allowed by its hash: codegen/preview/page-script.ts): it waits
 * for a request from the panel, for its viewport to have the width asked for (the panel resizes the iframe; the new
 * size may reach the page a moment later), and for the page's images and fonts to settle; then it runs the probes of
 * codegen/fidelity/probe.ts and posts their figures back. No requestAnimationFrame: Chromium throttles rendering in
 * an offscreen cross-origin frame, and the probes force the layout they read themselves.
 */
import { probeBoxes, probeTexts } from "../../../codegen/fidelity/probe.js";
import { scriptSafe, type PageScript } from "../../../codegen/preview/page-script.js";
import { cspHash } from "../../../codegen/sha256.js";

/** What the panel asks the measuring page for, at a width it has resized the page to (the boxes only at the design width). */
export interface ProbeRequest {
  type: "figment-measure";
  token: string;
  width: number;
  texts: { id: string; chars: number }[];
  boxes?: { rootId: string; ids: string[] };
}

/** Runs inside the page: self-contained (only its arguments and the page's globals), as the probes are. */
function probeRunner(boxes: typeof probeBoxes, texts: typeof probeTexts): void {
  // No scrollbar takes room from the layout: the page is laid out at the full width, as in headless Chromium (the CLI).
  const style = document.createElement("style");
  style.textContent = "html{scrollbar-width:none}html::-webkit-scrollbar{display:none}";
  document.head.append(style);
  const sized = (width: number): Promise<void> =>
    new Promise((resolve, reject) => {
      if (innerWidth === width) return resolve();
      const timer = setTimeout(() => reject(new Error(`the page stayed ${innerWidth} px wide instead of ${width} px`)), 5000);
      const check = (): void => {
        if (innerWidth !== width) return;
        clearTimeout(timer);
        removeEventListener("resize", check);
        resolve();
      };
      addEventListener("resize", check);
    });
  const settled = (width: number): Promise<unknown> => {
    const pending = Array.from(document.images)
      .filter((image) => !image.complete)
      .map((image) => new Promise((resolve) => {
        image.addEventListener("load", resolve, { once: true });
        image.addEventListener("error", resolve, { once: true });
      }));
    return sized(width).then(() => Promise.all(pending)).then(() => document.fonts.ready);
  };
  addEventListener("message", (event: MessageEvent) => {
    if (event.source !== parent) return;
    const request = event.data as Partial<ProbeRequest> | null;
    if (!request || request.type !== "figment-measure" || typeof request.token !== "string") return;
    const token = request.token;
    const fail = (error: unknown): void => parent.postMessage({ type: "figment-measure-reply", token, error: String(error).slice(0, 2000) }, "*");
    settled(typeof request.width === "number" ? request.width : innerWidth).then(() => {
      let reply: Record<string, unknown>;
      try {
        reply = { type: "figment-measure-reply", token, texts: texts({ texts: request.texts ?? [] }), boxes: request.boxes ? boxes(request.boxes) : null };
      } catch (error) {
        return fail(error);
      }
      parent.postMessage(reply, "*");
    }, fail);
  });
}

let script: PageScript | undefined;

/** The runner with the probes, as one script (the same for every page, so its hash is made once). */
export function probeRunnerScript(): PageScript {
  if (!script) {
    const text = scriptSafe(`(${probeRunner.toString()})(${probeBoxes.toString()}, ${probeTexts.toString()});`);
    script = { text, hash: cspHash(text) };
  }
  return script;
}
