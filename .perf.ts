import { readFileSync } from "node:fs";
import { loadDesign } from "./codegen/load.ts";
import { checkLayout } from "./codegen/layout-check/index.ts";
import { chromiumEngine } from "./cli/measure/layout-engine.ts";
import { launchChromium, newPageContext } from "./cli/measure/browser.ts";
const browser = await launchChromium(); const ctx = await newPageContext(browser);
for (const [file, id] of [["fitma-shop.file.json", "0:268"], ["psykolog-jenny.file.json", "35:34"], ["fitma-shop.file.json", "0:746"], ["attic-landing.file.json", "1:2"]]) {
  const d = loadDesign(JSON.parse(readFileSync("test/fixtures/real/" + file, "utf8")), [id]);
  let layouts = 0; const engine = chromiumEngine(ctx); const lay = engine.lay; engine.lay = (p) => { layouts++; return lay(p); };
  const t0 = performance.now(); const c = await checkLayout(d.document, engine); const ms = performance.now() - t0;
  console.log(file, id, Math.round(ms), "ms", layouts, "layouts", Math.round(ms / layouts), "per layout", JSON.stringify(c.frames[0].layout).slice(0, 80));
}
await browser.close();
