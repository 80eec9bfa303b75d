// `npm run typecheck`: every TypeScript project of the repository checked by tsc, as many at once as the machine
// has cores (the projects are independent: each is one tsc program). Prints each project's errors under its name
// and exits 1 if any project has errors.
import { spawn } from "node:child_process";
import { availableParallelism } from "node:os";
import { createRequire } from "node:module";

// The slowest first (seconds on this 2-core machine: 13, 9, 9, 6, 5, 4, 4, 3), so the cores finish together.
const PROJECTS = [
  "tsconfig.json",
  "ui/tsconfig.node.json",
  "ui/tsconfig.json",
  "plugin/tsconfig.test.json",
  "test/corpus/tsconfig.json",
  "plugin/tsconfig.json",
  "test/harness/tsconfig.node.json",
  "test/harness/tsconfig.json",
];

const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");

/** Runs tsc on one project; resolves with what it printed and whether it passed. */
function check(project) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsc, "-p", project], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.stderr.on("data", (chunk) => (out += chunk));
    child.on("close", (code) => resolve({ project, ok: code === 0, out }));
  });
}

const queue = [...PROJECTS];
const results = [];
const workers = Array.from({ length: Math.max(1, Math.min(availableParallelism(), queue.length)) }, async () => {
  for (let project = queue.shift(); project !== undefined; project = queue.shift()) results.push(await check(project));
});
await Promise.all(workers);

const failed = results.filter((r) => !r.ok);
for (const r of failed) process.stdout.write(`\ntsc -p ${r.project}:\n${r.out}`);
console.log(`typecheck: ${PROJECTS.length - failed.length} of ${PROJECTS.length} projects without errors`);
process.exit(failed.length > 0 ? 1 : 0);
