/**
 * Bench section "batch": our own work to build and record a 500-line Batch API batch, without the network —
 * the JSONL (images: a template's rows; code: one Responses request per frame, the login fixture's real
 * prompt), and `startBatch` writing the input file and batch.json atomically before and after each step,
 * with a client that answers at once. CPU time (user + system, median), bytes of JSONL and of the record.
 *   BENCH_ONLY=batch npm run bench
 */
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type OpenAI from "openai";
import { batchJsonl, type BatchRequest } from "../ai/batch/lines.js";
import { startBatch, type PlannedLine } from "../ai/batch/submit.js";
import { responsesRequest } from "../ai/code/prompt.js";
import { loadDesign, printHint } from "../codegen/index.js";
import { folderStore } from "../cli/batch-api/store.js";
import type { EvalFile } from "./fixtures.js";
import type { BenchResults } from "./results.js";
import { cpuTimeAsync } from "./timing.js";
import { benchCount } from "./quick.js";

const LINES = benchCount(500, 20);

/** A client whose files.create and batches.create answer at once: only our work is timed. */
function instantClient(): OpenAI {
  let n = 0;
  return {
    files: { create: async () => ({ id: `file-${++n}` }) },
    batches: {
      create: async () => ({
        id: `batch-${++n}`,
        status: "validating",
        request_counts: { total: LINES, completed: 0, failed: 0 },
      }),
    },
  } as unknown as OpenAI;
}

const AUDIENCES = ["kids", "teens", "adults", "seniors"];
const SEASONS = ["spring", "summer", "autumn", "winter"];

function imageLines(): PlannedLine[] {
  return Array.from({ length: LINES }, (_, i) => ({
    customId: `row-${i + 1}`,
    url: "/v1/images/generations",
    row: i + 1,
    fileStem: `${i + 1}-${AUDIENCES[i % 4]}-${SEASONS[(i >> 2) % 4]}`,
    body: {
      model: "gpt-image-2",
      prompt:
        `A ${SEASONS[(i >> 2) % 4]} hero image for ${AUDIENCES[i % 4]}: rounded shapes, warm colours, ` +
        `soft light, product centred, brand palette #ff5a1f #1d1d1f #f5f5f7, variant ${i + 1}`,
      size: "1536x1024",
      quality: "medium",
      n: 1,
    },
  }));
}

function codeLines(files: EvalFile[]): PlannedLine[] {
  const login = files.find((f) => f.name.includes("login")) ?? files[0]!;
  const document = loadDesign(JSON.parse(login.text)).document;
  const body = responsesRequest(
    { target: "react", styling: "css-modules", hint: printHint(document) },
    { model: "gpt-5", stream: false },
  ) as unknown as Record<string, unknown>;
  return Array.from({ length: LINES }, (_, i) => ({
    customId: `frame-${i + 1}`,
    url: "/v1/responses",
    frame: { id: `${i}:1`, name: `Frame ${i + 1}` },
    fileStem: `frame-${i + 1}`,
    body,
  }));
}

export async function batchSection(files: EvalFile[], runs: number, results: BenchResults): Promise<void> {
  const tmp = mkdtempSync(join(tmpdir(), "figment-bench-batch-"));
  const rows: string[] = [];
  try {
    for (const [kind, lines] of [
      ["images", imageLines()],
      ["code", codeLines(files)],
    ] as const) {
      const jsonl = batchJsonl(lines as BatchRequest[]);
      const build = await cpuTimeAsync(async () => batchJsonl(lines as BatchRequest[]), runs);
      let k = 0;
      const record = await cpuTimeAsync(
        async () => {
          const dir = join(tmp, `${kind}-${++k}`);
          await startBatch(instantClient(), folderStore(dir), {
            kind,
            endpoint: lines[0]!.url,
            baseURL: "http://bench/v1",
            lines,
          });
        },
        Math.min(runs, 10),
      );
      const jsonlBytes = Buffer.byteLength(jsonl);
      const recordBytes = statSync(join(tmp, `${kind}-1`, "batch.json")).size;
      results.set("batch", [kind], {
        lines: LINES,
        buildJsonlCpu: build,
        buildAndRecordCpu: record,
        jsonlBytes,
        bytesPerLine: Math.round(jsonlBytes / LINES),
        recordBytes,
      });
      rows.push(
        `| ${kind} (${lines[0]!.url}) | ${build.medianMs} ms | ${record.medianMs} ms | ` +
          `${jsonlBytes.toLocaleString("en-US")} (${Math.round(jsonlBytes / LINES).toLocaleString("en-US")} ` +
          `per line) | ${recordBytes.toLocaleString("en-US")} |`,
      );
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  results.print(`\n## batch: building and recording a ${LINES}-line Batch API batch\n`);
  results.print(
    `Our work only (the provider answers at once): CPU time (user + system, median) in Node. "Build + record" ` +
      `writes the input JSONL and batch.json (temp file + rename) before and after the upload and batch creation.\n`,
  );
  results.print(
    [
      `| batch | build JSONL | build + record | JSONL bytes | batch.json bytes |`,
      `| --- | ---: | ---: | ---: | ---: |`,
      ...rows,
    ].join("\n") + "\n",
  );
}
