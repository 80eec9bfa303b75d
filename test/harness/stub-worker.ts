/**
 * An engine worker stand-in for the fake main thread (test/harness/fake-main-page.ts `workerScript`): it speaks
 * today's engine protocol (ui/engine/protocol/: each request answered by a reply of its own kind, or by the one
 * failure shape, contract/failure.ts) and answers `generate` with a fixed file set holding a syntax error at
 * src/screens/Broken.tsx:30 (HTML target: a page and its stylesheet). Each message it posts is also logged as
 * `STUB_LOG` + JSON of `{ request, message }`, so a test can check every one against the panel's parser
 * (parseEngineMessage) and the kind it answers. Up to a67cc83 the stub (then in check-ui.ts) answered every request,
 * `highlight` included, as a `generate`, and check-ui only reported that the problem never showed.
 */

/** The console prefix of what the stub posted. */
export const STUB_LOG = "figment-stub-worker ";

/** The file the stub's problem points at, and its line. */
export const STUB_PROBLEM = { file: "src/screens/Broken.tsx", line: 30 };

const brokenFile = Array.from({ length: 60 }, (_, i) =>
  i === STUB_PROBLEM.line - 1 ? "  return <div>{oops</div>;" : `// line ${i + 1}`,
).join("\n");

const reactFiles = [
  { path: STUB_PROBLEM.file, content: brokenFile },
  { path: "src/index.ts", content: "export { Broken } from './screens/Broken';" },
];
const htmlFiles = [
  {
    path: "index.html",
    content: '<!doctype html><html><head><link rel="stylesheet" href="styles.css"></head><body><p class="x">stub</p>',
  },
  { path: "styles.css", content: ".x{color:red}" },
];
const problems = [{ severity: "error", code: "syntax", message: "'}' expected.", ...STUB_PROBLEM, column: 20 }];

/** Plain JS run as the worker's script (after the bootstrap unpacks it: ui/engine/boot.ts). */
export const STUB_WORKER = `"use strict";
var REACT = ${JSON.stringify(reactFiles)};
var HTML = ${JSON.stringify(htmlFiles)};
var PROBLEMS = ${JSON.stringify(problems)};
function escape(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
function answer(r) {
  var ok = function (kind, body) { return Object.assign({ id: r.id, ok: true, kind: kind }, body || {}); };
  switch (r.kind) {
    case "ping": return ok("pong");
    case "abort": case "part-failed": return ok("aborted");
    case "load-packed": case "load-script": return ok("loaded");
    case "generate":
      return ok("generate", {
        ms: 3,
        result: { files: r.options.target === "html" ? HTML : REACT, problems: PROBLEMS },
      });
    case "highlight": return ok("highlight", { lines: r.text.split("\\n").map(escape) });
    default:
      return { id: r.id, ok: false, failure: { kind: "internal", message: "the stub worker does not run " + r.kind } };
  }
}
self.onmessage = function (event) {
  var r = event.data;
  var message = answer(r);
  console.log(${JSON.stringify(STUB_LOG)} + JSON.stringify({ request: r.kind, message: message }));
  self.postMessage(message);
};
`;

/** A worker that starts fine and then throws on its first real request (to check crash + Retry). */
export const CRASHING_WORKER = `"use strict";
self.onmessage = function (e) {
  var r = e.data;
  if (r.kind === "ping") return self.postMessage({ id: r.id, ok: true, kind: "pong" });
  if (r.kind === "load-packed") return self.postMessage({ id: r.id, ok: true, kind: "loaded" });
  throw new Error("simulated worker crash");
};`;
