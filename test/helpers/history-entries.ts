/** A saved code result as History holds it (contract/history.ts), for the tests of the panels that show one. */
import type { CodeEntry } from "../../contract/history.js";

/** A model's React result for "Login" (1:2), one file and one turn each way; `patch` changes what a test looks at. */
export const codeEntry = (patch: Partial<CodeEntry> = {}): CodeEntry => ({
  kind: "code",
  id: "code-1",
  createdAt: "2026-11-23T10:00:00.000Z",
  mode: "ai",
  frame: { id: "1:2", name: "Login" },
  target: "react",
  styling: "css-modules",
  model: "gpt-5",
  files: [{ path: "src/App.tsx", content: "export {}\n" }],
  turns: [
    { role: "user", text: "Darker" },
    { role: "assistant", text: "Done." },
  ],
  ...patch,
});
