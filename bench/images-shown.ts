/**
 * Bench section "images-shown" (issue 72's goal: every given image fill shown, masks included, on every real file with
 * `--images`). For every real designer's file with image fills, its frame with the most of them, and the image-filled
 * mask (test/fixtures/image-mask, a real frame whose mask is a vector filled with a picture, with its PNGs): a PNG per
 * imageRef given (test/helpers/given-images.ts; the fixture's own), the code rendered in Chromium for every target
 * (HTML as written, the others as the panel previews them) and each image fill counted as shown when the page draws
 * its bytes (cli/measure/images-shown.ts). Goal: shown = given on every frame and target.
 *   BENCH_ONLY=images-shown npm run bench     (BENCH_IMAGES_TARGETS=html,react: only those targets)
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { inOneContext } from "../cli/measure/browser.js";
import { measureImagesShown } from "../cli/measure/images-shown.js";
import type { Target } from "../codegen/targets.js";
import { pngPerImageRef } from "../test/helpers/given-images.js";
import { realFiles, topLevelFrames } from "../test/helpers/real-files.js";
import { fixturesRoot } from "../test/helpers/responsive-frames.js";
import { QUICK, withBenchBrowser } from "./quick.js";
import type { BenchResults, Json } from "./results.js";

const TARGETS: { name: string; target: Target; styling?: "tailwind" }[] = [
  { name: "html", target: "html" },
  { name: "react", target: "react" },
  { name: "react-tailwind", target: "react", styling: "tailwind" },
  { name: "vue", target: "vue" },
  { name: "svelte", target: "svelte" },
  { name: "angular", target: "angular" },
  { name: "react-native", target: "react-native" },
];

interface Frame {
  key: string;
  json: unknown;
  id: string;
  images: Record<string, Uint8Array>;
}

function frames(): Frame[] {
  const dir = join(fixturesRoot(), "image-mask");
  const mask: Frame = {
    key: "image-mask/psykolog-jenny-brush 6:0",
    json: JSON.parse(readFileSync(join(dir, "psykolog-jenny-brush.nodes.json"), "utf8")) as unknown,
    id: "6:0",
    images: Object.fromEntries(
      readdirSync(join(dir, "images")).map((n) => [
        n.replace(/\.png$/, ""),
        new Uint8Array(readFileSync(join(dir, "images", n))),
      ]),
    ),
  };
  const real = realFiles().flatMap((file) => {
    const best = topLevelFrames(file)
      .filter((f) => !f.hidden)
      .map((f) => ({ f, n: Object.keys(pngPerImageRef(f.node)).length }))
      .filter((x) => x.n > 0)
      .sort((a, b) => b.n - a.n)[0];
    return best
      ? [{ key: `${file.name} ${best.f.id}`, json: file.json, id: best.f.id, images: pngPerImageRef(file.json) }]
      : [];
  });
  return [mask, ...real];
}

export async function imagesShownSection(results: BenchResults): Promise<void> {
  const only = (process.env["BENCH_IMAGES_TARGETS"] ?? "").split(",").filter(Boolean);
  const targets = TARGETS.filter((t) => only.length === 0 || only.includes(t.name));
  const all = frames();
  const pages = QUICK ? all.slice(0, 2) : all;
  const rows: string[][] = [];
  const totals = new Map<string, { given: number; shown: number; masksGiven: number; masksShown: number }>();
  const misses: string[] = [];
  await withBenchBrowser((host) =>
    inOneContext(host, async (context) => {
      for (const page of pages)
        for (const t of targets) {
          const got = await measureImagesShown(context, page.json, page.id, page.images, t.target, t.styling);
          const sum = totals.get(t.name) ?? { given: 0, shown: 0, masksGiven: 0, masksShown: 0 };
          sum.given += got.given;
          sum.shown += got.shown;
          sum.masksGiven += got.masksGiven;
          sum.masksShown += got.masksShown;
          totals.set(t.name, sum);
          rows.push([page.key, t.name, `${got.shown} / ${got.given}`, `${got.masksShown} / ${got.masksGiven}`]);
          if (got.shown < got.given)
            misses.push(
              `${page.key} ${t.name}: ${got.missing.map((m) => m.nodeId + (m.mask ? " (mask)" : "")).join(", ")}`,
            );
          results.set("images-shown", ["frames", page.key, t.name], {
            given: got.given,
            shown: got.shown,
            masksGiven: got.masksGiven,
            masksShown: got.masksShown,
          });
        }
    }),
  );
  const byTarget: Record<string, Json> = {};
  for (const [name, sum] of totals) byTarget[name] = { ...sum, met: sum.shown === sum.given };
  const given = [...totals.values()].reduce((a, s) => a + s.given, 0);
  const shown = [...totals.values()].reduce((a, s) => a + s.shown, 0);
  results.set("images-shown", ["summary"], { frames: pages.length, given, shown, byTarget, met: given === shown });
  results.print(`\n## images-shown: every given image fill shown, masks included (issue 72)\n`);
  results.print(
    `Goal: every given image fill shown on every frame and target — ${shown} of ${given} shown ` +
      `${given === shown ? "✓" : "✗"}. Per target: ` +
      [...totals].map(([n, s]) => `${n} ${s.shown}/${s.given} (masks ${s.masksShown}/${s.masksGiven})`).join(", ") +
      ".\n",
  );
  results.print(table(rows));
  if (misses.length > 0) results.print(`\nNot shown:\n${misses.map((m) => `- ${m}`).join("\n")}\n`);
}

function table(rows: string[][]): string {
  const head = ["frame", "target", "shown / given", "masks shown / given"];
  return [head, ["---", "---", "---:", "---:"], ...rows].map((r) => `| ${r.join(" | ")} |`).join("\n") + "\n";
}
