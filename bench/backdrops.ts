/**
 * Bench section "backdrops" (issue 69's goals): every page layout inference is held to (test/helpers/layout-pages.ts:
 * the real designers' frames and the sample files wider than a phone, and the corpus), its HTML as `figment code`
 * writes it (the layout checked in Chromium first), twice — with image fills as placeholders, and with each image
 * supplied (a dark photo stand-in per imageRef for the real and sample files, whose JSON carries no bytes; the
 * corpus's own images) — measured by the product's own score at the design width, 390, 768 and 1920
 * (test/helpers/reader-widths.ts):
 * 1. texts a reader sees whole at the design width that are covered or illegible at 390, 768 or 1920: goal none;
 * 2. IoU × matched at the design width (to hold against the last run's, bench/out/results.json);
 * 3. text seen at 390 and 768 ≥ 0.98 on every frame whose design width shows ≥ 0.98.
 *   BENCH_ONLY=backdrops npm run bench     (BENCH_BACKDROPS=key,key: only the pages whose key contains one of them;
 *   BENCH_BACKDROPS_OUT=dir: each measured page's HTML kept there)
 */
import { inOneContext } from "../cli/measure/browser.js";
import { layoutPages } from "../test/helpers/layout-pages.js";
import { measureReader, NARROW, type ReaderRow } from "../test/helpers/reader-widths.js";
import { QUICK, withBenchBrowser } from "./quick.js";
import { round, type BenchResults, type Json } from "./results.js";

const READER_FLOOR = 0.98;

export async function backdropsSection(results: BenchResults): Promise<void> {
  const only = (process.env["BENCH_BACKDROPS"] ?? "").split(",").filter(Boolean);
  const all = layoutPages().filter((p) => only.length === 0 || only.some((k) => p.key.includes(k)));
  const pages = QUICK ? all.filter((p) => p.source === "real").slice(0, 2) : all;
  const rows: ReaderRow[] = [];
  const failures: string[] = [];
  await withBenchBrowser((host) =>
    inOneContext(host, async (context) => {
      for (const page of pages)
        for (const images of ["placeholders", "photos"] as const) {
          try {
            rows.push(await measureReader(context, page, images));
          } catch (error) {
            failures.push(`${page.key} (${images}): ${(error as Error).message.split("\n")[0]}`);
          }
        }
    }),
  );
  const lostTexts = rows.reduce((n, r) => n + r.lost.length, 0);
  const framesLosing = rows.filter((r) => r.lost.length > 0);
  const floorRows = rows.filter((r) => (r.seen[r.designWidth] ?? 0) >= READER_FLOOR);
  const underFloor = floorRows.filter((r) => [390, 768].some((w) => (r.seen[w] ?? 0) < READER_FLOOR));
  results.set("backdrops", ["summary"], {
    frames: pages.length,
    measured: rows.length,
    lostTexts,
    framesLosing: framesLosing.length,
    readerFloor: { floor: READER_FLOOR, frames: floorRows.length, under: underFloor.length },
    failures,
  });
  results.set(
    "backdrops",
    ["rows"],
    rows.map(
      (r): Json => ({
        key: r.key,
        images: r.images,
        iouMatched: round(r.iouMatched),
        seen: Object.fromEntries(Object.entries(r.seen).map(([w, s]) => [w, round(s)])),
        texts: r.texts,
        lost: r.lost.map((l) => ({ ...l })),
      }),
    ),
  );
  results.print(`\n## backdrops: texts a reader sees at the design width, at 390, 768 and 1920 (issue 69)\n`);
  results.print(
    `${pages.length} frames × 2 (image fills as placeholders, and as photo stand-ins), HTML as \`figment code\` ` +
      `writes it. Texts seen whole at the design width that are covered or illegible at 390, 768 or 1920: ` +
      `${lostTexts} on ${framesLosing.length} of ${rows.length} measurements (goal 0). ` +
      `Text seen at 390 and 768 under ` +
      `${READER_FLOOR} where the design width shows ≥ ${READER_FLOOR}: ${underFloor.length} of ${floorRows.length}.\n`,
  );
  const listed = rows.filter((r) => r.lost.length > 0 || underFloor.includes(r));
  if (listed.length > 0)
    results.print(
      table(
        ["frame", "images", "IoU×matched", "seen 390", "seen 768", "seen 1920", "lost (width: name, class)"],
        listed.map((r) => [
          `${r.key} ${r.name}`.slice(0, 60),
          r.images,
          r.iouMatched.toFixed(4),
          ...NARROW.map((w) => (r.seen[w] ?? 1).toFixed(3)),
          r.lost
            .slice(0, 6)
            .map((l) => `${l.width}: ${l.name.slice(0, 24)} ${l.class}`)
            .join("; ") + (r.lost.length > 6 ? ` … (${r.lost.length})` : ""),
        ]),
      ),
    );
  if (failures.length > 0)
    throw new Error(`backdrops: ${failures.length} measurement(s) failed:\n${failures.join("\n")}`);
}

function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(head), line(head.map(() => "---")), ...rows.map(line)].join("\n");
}
