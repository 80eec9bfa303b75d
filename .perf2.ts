import { readFileSync } from "node:fs";
import { loadDesign } from "./codegen/load.ts";
import { enginePage } from "./codegen/layout-check/index.ts";
import { frameBuilder } from "./codegen/layout/index.ts";
import { drawnLayers } from "./codegen/layout/decide.ts";
import { probeBoxes } from "./codegen/fidelity/probe.ts";
import { buildSrcdoc } from "./codegen/preview/html-page.ts";
import { launchChromium, newPageContext, withPage } from "./cli/measure/browser.ts";
const browser = await launchChromium(); const ctx = await newPageContext(browser);
const d = loadDesign(JSON.parse(readFileSync("test/fixtures/real/fitma-shop.file.json", "utf8")), ["0:746"]);
const frame = d.document.frames[0];
let t = performance.now(); const b = frameBuilder(frame); console.log("infer", Math.round(performance.now() - t));
t = performance.now(); const tree = b.build(new Set()); console.log("build", Math.round(performance.now() - t));
const ids = [...drawnLayers(b.drawn).keys()];
const page = enginePage(d.document, { tree, kind: "inferred", ids });
t = performance.now(); const files = page.files(); console.log("emit", Math.round(performance.now() - t), files.length, "files", files.reduce((s, f) => s + f.content.length, 0), "chars");
t = performance.now(); const src = buildSrcdoc({ page: files.find(f => f.path === "index.html"), files }); console.log("srcdoc", Math.round(performance.now() - t), src.length);
for (let i = 0; i < 2; i++) {
  t = performance.now();
  await withPage(ctx, files, "index.html", { width: frame.w, height: frame.h }, async (p) => { const t1 = performance.now(); await p.evaluate(probeBoxes, { rootId: frame.id, ids, boxesOnly: true }); console.log("  probe", Math.round(performance.now() - t1)); });
  console.log("withPage files", Math.round(performance.now() - t));
  t = performance.now();
  await withPage(ctx, [{ path: "index.html", content: src }], "index.html", { width: frame.w, height: frame.h }, async (p) => { const t1 = performance.now(); await p.evaluate(probeBoxes, { rootId: frame.id, ids, boxesOnly: true }); console.log("  probe", Math.round(performance.now() - t1)); });
  console.log("withPage srcdoc", Math.round(performance.now() - t));
}
await browser.close();
