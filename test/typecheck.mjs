// `npm run typecheck`: every TypeScript project of the repository checked by tsc, as many at once as the machine
// has cores (the projects are independent: each is one tsc program). Prints each project's errors under its name
// and exits 1 if any project has errors.
// The checker is TypeScript 7's native tsc (the package `typescript-native`, an alias of typescript@7): the eight
// projects took 138 CPU-s with TypeScript 5's and take 25 with it, one thread each (`--singleThreaded`: the
// projects already share the cores). TypeScript 5 (`typescript`) stays for what runs its compiler API: ts-morph,
// Angular's compiler, the tests that compile code.
import { spawn } from "node:child_process";
import { availableParallelism } from "node:os";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

// The slowest first, so the cores finish together.
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

// Its bin beside its package.json (the package exports no `./bin/tsc`).
const tsc = join(dirname(createRequire(import.meta.url).resolve("typescript-native/package.json")), "bin", "tsc");

/** Runs tsc on one project; resolves with what it printed and whether it passed. */
function check(project) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsc, "-p", project, "--singleThreaded"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
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
