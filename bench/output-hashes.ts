/**
 * The emitters' output as hashes, for a change that must not change it (a speed-up): every generated file of every
 * fixture (test/fixtures/real, figma, corpus) for React with CSS modules, React with Tailwind and HTML (and with node
 * ids, exact layout), one line per file. Run before and after, and compare:
 *
 *   bash /work/notes/run-ts.sh bench/output-hashes.ts /tmp/before.txt   # … change …   then /tmp/after.txt; cmp
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { generateCode, loadDesign, type CodeOptions } from "../codegen/index.js";

const DIRS = ["test/fixtures/real", "test/fixtures/figma", "test/fixtures/corpus"];
const CONFIGS: [string, CodeOptions][] = [
  ["react-css", { target: "react", styling: "css-modules", nodeIds: false }],
  ["react-tw", { target: "react", styling: "tailwind", nodeIds: false }],
  ["html", { target: "html", styling: "css-modules", nodeIds: false }],
  ["react-css-ids", { target: "react", styling: "css-modules", nodeIds: true }],
  ["html-exact", { target: "html", styling: "css-modules", nodeIds: false, layout: "exact" }],
  ["react-tw-exact", { target: "react", styling: "tailwind", nodeIds: true, layout: "exact" }],
];

const hash = (data: string | Uint8Array): string => createHash("sha256").update(data).digest("hex").slice(0, 16);

const lines: string[] = [];
const all = createHash("sha256");
for (const dir of DIRS) {
  for (const name of readdirSync(dir).sort()) {
    if (!/\.(json|figma)$/.test(name) || name.endsWith(".reference.json")) continue;
    const text = readFileSync(`${dir}/${name}`, "utf8");
    for (const [label, options] of CONFIGS) {
      let out: string;
      try {
        const set = await generateCode(loadDesign(JSON.parse(text)).document, options);
        const files = set.files.map((f) => `${f.path} ${hash(f.bytes ?? f.content)}`);
        out = `${files.join("\n  ")}\n  problems ${hash(JSON.stringify(set.problems))} (${set.problems.length})`;
      } catch (error) {
        out = `ERROR ${error instanceof Error ? error.message : String(error)}`;
      }
      const line = `${dir}/${name} ${label}\n  ${out}`;
      lines.push(line);
      all.update(line);
    }
  }
}
writeFileSync(process.argv[2] ?? "output-hashes.txt", `${lines.join("\n")}\n`);
console.log("digest", all.digest("hex").slice(0, 20), "entries", lines.length);
