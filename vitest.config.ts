import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["codegen/**/*.test.ts", "cli/**/*.test.ts", "test/**/*.test.ts", "plugin/**/*.test.ts", "ai/**/*.test.ts", "contract/**/*.test.ts", "ui/**/*.test.ts", "ui/**/*.test.tsx"],
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Two workers on this 2-core machine (vitest's default in run mode is cores − 1 = 1). Much of a browser test's
    // time is waiting — on Chromium's own processes, on streamed replies — so a second file runs in that time.
    maxWorkers: 2,
    // expect.poll waits for a state; the bound only ends a test whose state never comes. A busy 2-core machine
    // may take seconds to get there (1 s, vitest's default, failed a batch-draft test under load).
    expect: { poll: { timeout: 30_000 } },
  },
});
