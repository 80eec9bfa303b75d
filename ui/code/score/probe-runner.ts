/**
 * The script a measuring page runs (as source text, allowed by its hash: codegen/preview/page-script.ts): it waits
 * for a request from the panel, for its viewport to have the width asked for (the panel resizes the iframe; the new
 * size may reach the page a moment later), and for the page's images and fonts to settle; then it runs the probes of
 * codegen/fidelity/probe.ts and posts their figures back (with a PNG of the page when asked). No requestAnimationFrame:
 * Chromium throttles rendering in an offscreen cross-origin frame, and the probes force the layout they read
 * themselves.
 */
import { probeBoxes } from "../../../codegen/fidelity/probe.js";
import {
  probeTexts,
  textProbePartsSource,
  type TextProbe,
  type TextProbeArg,
} from "../../../codegen/fidelity/text-probe.js";
import { scriptSafe, type PageScript } from "../../../codegen/preview/page-script.js";
import { cspHash } from "../../../kernel/sha256.js";
import { pageSettled } from "../page-settled.js";

/**
 * What the panel asks the measuring page for, at a width it has resized the page to (the boxes only at the design
 * width).
 */
export interface ProbeRequest {
  type: "figment-measure";
  token: string;
  width: number;
  texts: TextProbeArg;
  boxes?: { rootId: string; ids: string[]; groups?: string[]; boxesOnly?: boolean };
  /** Also a PNG of the viewport (the page as rendered at this width), for a correction round. */
  picture?: boolean;
}

/** Runs inside the page: self-contained (only its arguments and the page's globals), as the probes are. */
function probeRunner(
  boxes: typeof probeBoxes,
  texts: (arg: TextProbeArg) => Promise<TextProbe>,
  settle: typeof pageSettled,
): void {
  const settled = settle();
  // The page as it looks, drawn by the page itself: its DOM serialised into an SVG foreignObject (the style sheets
  // read from the CSSOM, so rules a script inserted are there too; no scripts), loaded as a data: image — what the
  // CSP's img-src allows, and what leaves the canvas untainted — and drawn on a canvas the viewport's size.
  // Style sheets from another origin (web fonts) cannot be read: the picture's text falls back to local fonts.
  const picture = (): Promise<string> =>
    new Promise((resolve, reject) => {
      const width = innerWidth;
      const height = innerHeight;
      const css: string[] = [];
      for (const sheet of Array.from(document.styleSheets)) {
        try {
          css.push(Array.from(sheet.cssRules, (rule) => rule.cssText).join("\n"));
        } catch {
          // another origin's sheet
        }
      }
      const clone = document.documentElement.cloneNode(true) as HTMLElement;
      clone.querySelectorAll("script, style, link, meta, noscript, iframe").forEach((element) => element.remove());
      const sheet = document.createElement("style");
      sheet.textContent = css.join("\n");
      clone.prepend(sheet);
      const paint = [document.documentElement, document.body]
        .map((e) => (e ? getComputedStyle(e).backgroundColor : ""))
        .find((c) => c !== "" && c !== "transparent" && !/^rgba\(.*,\s*0\)$/.test(c));
      const svg =
        `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><foreignObject x="0" ` +
        `y="0" width="100%" height="100%">${new XMLSerializer().serializeToString(clone)}</foreignObject></svg>`;
      const image = new Image();
      image.onload = () => {
        const canvas = document.createElement("canvas");
        canvas.width = width;
        canvas.height = height;
        const context = canvas.getContext("2d");
        if (!context) return reject(new Error("no 2D canvas"));
        context.fillStyle = paint ?? "#fff";
        context.fillRect(0, 0, width, height);
        context.drawImage(image, 0, 0);
        resolve(canvas.toDataURL("image/png"));
      };
      image.onerror = () => reject(new Error("the page could not be drawn as a picture"));
      image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
    });
  addEventListener("message", (event: MessageEvent) => {
    if (event.source !== parent) return;
    const request = event.data as Partial<ProbeRequest> | null;
    if (request?.type !== "figment-measure" || typeof request.token !== "string") return;
    const token = request.token;
    const fail = (error: unknown): void =>
      parent.postMessage({ type: "figment-measure-reply", token, error: String(error).slice(0, 2000) }, "*");
    settled(typeof request.width === "number" ? request.width : innerWidth)
      .then(async () => {
        const measuredBoxes = request.boxes ? boxes(request.boxes) : null;
        return {
          type: "figment-measure-reply",
          token,
          boxes: measuredBoxes,
          texts: await texts(request.texts ?? { texts: [] }),
        };
      })
      .then((reply) => {
        if (!request.picture) return parent.postMessage(reply, "*");
        picture().then(
          (png) => parent.postMessage({ ...reply, png }, "*"),
          (error: unknown) => parent.postMessage({ ...reply, pictureError: String(error).slice(0, 500) }, "*"),
        );
      }, fail);
  });
}

let script: PageScript | undefined;

/** The runner with the probes, as one script (the same for every page, so its hash is made once). */
export function probeRunnerScript(): PageScript {
  if (!script) {
    const text = scriptSafe(
      `(${probeRunner.toString()})(${probeBoxes.toString()}, (arg) => ` +
        `(${probeTexts.toString()})(arg, ${textProbePartsSource()}), ${pageSettled.toString()});`,
    );
    script = { text, hash: cspHash(text) };
  }
  return script;
}
