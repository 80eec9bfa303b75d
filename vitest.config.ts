import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { defineConfig } from "vitest/config";
import { LongestFirst } from "./test/longest-first.js";

const INCLUDE = [
  "kernel/**/*.test.ts",
  "codegen/**/*.test.ts",
  "cli/**/*.test.ts",
  "test/**/*.test.ts",
  "plugin/**/*.test.ts",
  "ai/**/*.test.ts",
  "contract/**/*.test.ts",
  "ui/**/*.test.ts",
  "ui/**/*.test.tsx",
];
const ROOMS = ["kernel", "codegen", "cli", "test", "plugin", "ai", "contract", "ui"];

/** Every test file under the rooms (INCLUDE's files), as paths from the repository root. */
function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" || entry.name === "fixtures" ? [] : testFiles(path);
    return /\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/**
 * Files that must start from fresh modules: they replace modules or globals (vi.mock, vi.stubGlobal…), or say so
 * with a `vitest: isolate` comment (they count a module's own state). The others share one module graph per
 * worker, each module imported once (isolate: false): TypeScript, prettier, the codegen and playwright-core load
 * once per worker instead of once per file. Browser tests share it too: each connects to the run's Chromium in its
 * describe block's hooks (test/helpers/browser.ts) and its contexts close when it disconnects, so nothing of a
 * browser outlives its file.
 */
const ISOLATE = /vitest: isolate|vi\.(mock|doMock|stubGlobal|stubEnv|resetModules)\(/;
const isolated = ROOMS.flatMap(testFiles).filter((file) => ISOLATE.test(readFileSync(file, "utf8")));

const shared = {
  // Tailwind's own stylesheets, read as text by the preview's Tailwind compiler (codegen/preview/tailwind-css.ts):
  // vitest empties every other CSS import.
  css: { include: [/\/tailwindcss\/[a-z]+\.css\?raw$/] },
  globalSetup: ["test/global-setup.ts"],
  testTimeout: 60_000,
  hookTimeout: 120_000,
  pool: "forks" as const,
  // expect.poll waits for a state; the bound only ends a test whose state never comes. A busy 2-core machine
  // may take seconds to get there (1 s, vitest's default, failed a batch-draft test under load).
  expect: { poll: { timeout: 30_000 } },
};

export default defineConfig({
  test: {
    // Two workers on this 2-core machine (vitest's default in run mode is cores − 1 = 1). Much of a browser test's
    // time is waiting — on Chromium's own processes, on streamed replies — so a second file runs in that time.
    maxWorkers: 2,
    // The longest files first, so that both workers stay busy to the end (test/longest-first.ts).
    sequence: { sequencer: LongestFirst },
    projects: [
      {
        test: {
          ...shared,
          name: "shared",
          include: INCLUDE,
          exclude: ["**/node_modules/**", ...isolated],
          isolate: false,
        },
      },
      { test: { ...shared, name: "isolated", include: isolated, isolate: true } },
    ],
  },
});
