import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["codegen/**/*.test.ts", "cli/**/*.test.ts", "test/**/*.test.ts", "plugin/**/*.test.ts", "ai/**/*.test.ts", "contract/**/*.test.ts", "ui/**/*.test.ts", "ui/**/*.test.tsx"],
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
