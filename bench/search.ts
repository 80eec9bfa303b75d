/**
 * Bench section "search": indexing the top-level frames offline (frame documents + @orama/orama index; goal
 * ≤ 1 s of our work for 500 frames), a query at 1,000 frames (goal ≤ 50 ms; full-text, and hybrid with
 * 1,536-dimension vectors), and the stored bytes per indexed frame with and without embeddings. Frames are
 * the fixture files' top-level frames cloned under new ids until there are enough.
 *   BENCH_ONLY=search npm run bench
 */
import { save } from "@orama/orama";
import { readRestReply, type RestNode } from "../codegen/rest/reply.js";
import { frameDocs } from "../codegen/search/frame-doc.js";
import { createFrameIndex, searchFrames, type FrameIndex } from "../codegen/search/frame-index.js";
import type { EvalFile } from "./fixtures.js";
import { againstTarget, type BenchResults } from "./results.js";
import { cpuTimeAsync } from "./timing.js";
import { searchScanSection } from "./search-scan.js";
import { benchCount } from "./quick.js";

const INDEX_FRAMES = benchCount(500, 50);
const QUERY_FRAMES = benchCount(1000, 100);
const INDEX_TARGET_MS = 1000;
const QUERY_TARGET_MS = 50;
const DIMENSIONS = 1536;
const QUERIES = ["login password", "heading large", "cubic bezier easing", "selfie face frame", "button", "colors"];

/**
 * A file of `count` top-level frames over pages of 50: the fixtures' frames cloned under new root ids. With
 * `framesOnly`, only their frames, components and component sets (what the plugin's scan indexes), not loose texts or
 * vectors.
 */
function syntheticFile(files: EvalFile[], count: number, framesOnly = false): unknown {
  const components: Record<string, unknown> = {};
  const frames: RestNode[] = [];
  for (const file of files) {
    const json = JSON.parse(file.text) as { components?: Record<string, unknown> };
    Object.assign(components, json.components ?? {});
    for (const entry of Object.values(
      (json as { nodes?: Record<string, { components?: Record<string, unknown> }> }).nodes ?? {},
    ))
      Object.assign(components, entry?.components ?? {});
    frames.push(
      ...readRestReply(json).roots.filter(
        (r) => !framesOnly || ["FRAME", "COMPONENT", "COMPONENT_SET"].includes(r.type),
      ),
    );
  }
  const pages: { id: string; name: string; type: string; children: RestNode[] }[] = [];
  for (let i = 0; i < count; i++) {
    if (i % 50 === 0)
      pages.push({ id: `p:${pages.length}`, name: `Page ${pages.length + 1}`, type: "CANVAS", children: [] });
    const source = frames[i % frames.length]!;
    pages.at(-1)!.children.push({ ...structuredClone(source), id: `9${i}:${i}`, name: `${source.name} ${i}` });
  }
  return { document: { id: "0:0", name: "Document", type: "DOCUMENT", children: pages }, components };
}

/** A deterministic unit vector per seed (vectors' values do not change the cost). */
function vector(seed: number): number[] {
  let s = seed * 2654435761 + 1;
  const v = Array.from(
    { length: DIMENSIONS },
    () => ((s = Math.imul(s ^ (s >>> 15), 2246822507)) >>> 0) / 2 ** 32 - 0.5,
  );
  const norm = Math.hypot(...v);
  return v.map((x) => x / norm);
}

const bytesOf = (index: FrameIndex): number => new TextEncoder().encode(JSON.stringify(save(index.db))).length;

export async function searchSection(files: EvalFile[], runs: number, results: BenchResults): Promise<void> {
  const small = syntheticFile(files, INDEX_FRAMES);
  const large = syntheticFile(files, QUERY_FRAMES);
  const indexCpu = await cpuTimeAsync(async () => createFrameIndex(frameDocs(small)), Math.min(runs, 10));
  const docsCpu = await cpuTimeAsync(async () => frameDocs(small), Math.min(runs, 10));

  const docs = frameDocs(large);
  const textIndex = await createFrameIndex(docs);
  const hybridIndex = await createFrameIndex(
    docs.map((d, i) => ({ ...d, embedding: vector(i) })),
    DIMENSIONS,
  );
  let q = 0;
  const fulltext = await cpuTimeAsync(
    async () => searchFrames(textIndex, { term: QUERIES[q++ % QUERIES.length]!, limit: 10 }),
    runs * 3,
  );
  const hybrid = await cpuTimeAsync(
    async () => searchFrames(hybridIndex, { term: QUERIES[q++ % QUERIES.length]!, vector: vector(q), limit: 10 }),
    runs * 3,
  );
  const textBytes = Math.round(bytesOf(textIndex) / docs.length);
  const hybridBytes = Math.round(bytesOf(hybridIndex) / docs.length);
  const cacheBytes = Math.round(
    JSON.stringify({ hash: docs[0]!.hash, model: "text-embedding-3-small", vector: vector(1) }).length,
  );

  results.set("search", ["index500"], {
    cpu: indexCpu,
    frameDocsCpu: docsCpu,
    frames: INDEX_FRAMES,
    check: againstTarget(indexCpu.medianMs, INDEX_TARGET_MS, "ms"),
  });
  results.set("search", ["query1000"], {
    frames: QUERY_FRAMES,
    fulltextCpu: fulltext,
    hybridCpu: hybrid,
    dimensions: DIMENSIONS,
    check: againstTarget(Math.max(fulltext.medianMs, hybrid.medianMs), QUERY_TARGET_MS, "ms"),
  });
  results.set("search", ["bytesPerFrame"], {
    withoutEmbeddings: textBytes,
    withEmbeddings: hybridBytes,
    embeddingCacheEntry: cacheBytes,
    dimensions: DIMENSIONS,
  });

  results.print(`\n## search: indexing and querying frames\n`);
  results.print(
    `Synthetic files of ${INDEX_FRAMES} and ${QUERY_FRAMES} top-level ` +
      `frames (the fixtures' frames cloned under new ids, 50 per page). ` +
      `CPU time (user + system, median) in Node: the work itself, ` +
      `which waiting for a core on a shared machine does not inflate.\n`,
  );
  results.print(
    [
      `| figure | value | goal |`,
      `| --- | ---: | ---: |`,
      `| index ${INDEX_FRAMES} frames offline (documents + orama index) | ${indexCpu.medianMs} ` +
        `ms | ≤ ${INDEX_TARGET_MS} ms ${indexCpu.medianMs <= INDEX_TARGET_MS ? "met" : "missed"} |`,
      `| of which frame documents (design tree, texts, hash) | ${docsCpu.medianMs} ms | |`,
      `| full-text query at ${QUERY_FRAMES} frames | ${fulltext.medianMs} ms | ≤ ` +
        `${QUERY_TARGET_MS} ms ${fulltext.medianMs <= QUERY_TARGET_MS ? "met" : "missed"} |`,
      `| hybrid query at ${QUERY_FRAMES} frames (${DIMENSIONS}-d) | ${hybrid.medianMs} ms ` +
        `| ≤ ${QUERY_TARGET_MS} ms ${hybrid.medianMs <= QUERY_TARGET_MS ? "met" : "missed"} |`,
      `| bytes per indexed frame (orama save, JSON) without embeddings | ${textBytes} | |`,
      `| bytes per indexed frame with ${DIMENSIONS}-d embeddings | ${hybridBytes} | |`,
      `| bytes per cached embedding (--cache entry, JSON) | ${cacheBytes} | |`,
    ].join("\n") + "\n",
  );
  const designSystem = files.find((f) => f.name === "figmagic-design-system.file.json");
  if (!designSystem) throw new Error("bench/search: figmagic-design-system.file.json is missing from the fixtures");
  await searchScanSection(
    syntheticFile(files, INDEX_FRAMES, true),
    JSON.parse(designSystem.text),
    INDEX_FRAMES,
    runs,
    results,
  );
}
