/**
 * The React preview in headless Chromium, the way the UI shows it: the document from `buildReactPreview`
 * (with the real dist/preview-runtime.js) in `<iframe sandbox="allow-scripts" srcdoc=…>`. The host page is
 * served by a local HTTP server that also records every request, so a request that escapes the preview's
 * CSP would show up there (the test does not intercept requests: nothing hides a leak).
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, BrowserContext, Frame } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { chromiumAvailable } from "../../cli/measure/browser.js";
import { connectChromium } from "../../test/helpers/chromium-server.js";
import { readFixture } from "../../test/helpers/fixtures.js";
import { previewRuntimeForTests } from "../../test/helpers/preview-runtime.js";
import { projectFiles } from "../scaffold/project-files.js";
import { generateCode, loadDesign } from "../index.js";
import type { SourceFile } from "../types.js";
import { PREVIEW_ERROR_ID, type PreviewData } from "./data.js";
import {
  buildReactPreview,
  PREVIEW_HOST_CSP,
  REACT_PREVIEW_CSP,
  REACT_PREVIEW_SANDBOX,
  reactPreview,
  scriptJson,
} from "./react-preview.js";

const runBrowser = chromiumAvailable() || process.env["CI"] !== undefined;
if (!runBrowser) console.warn("react-preview: Chromium not found and CI unset; skipping the browser tests");

/** What functions evaluated in the preview frame use (the project compiles without the DOM lib). */
interface FrameGlobals {
  document: { querySelector(selector: string): unknown; querySelectorAll(selector: string): { length: number } };
  getComputedStyle(element: unknown): Record<string, string>;
}

const escapeAttribute = (text: string): string => text.replace(/&/g, "&amp;").replace(/"/g, "&quot;");

let server: Server;
let origin = "";
const pages = new Map<string, string>();
const requests: string[] = [];

let browser: Browser;
let context: BrowserContext;

/** Serves a host page with the preview in a sandboxed iframe and returns the preview's frame once it has loaded. */
async function openPreview(html: string, name: string, hostCsp?: string): Promise<Frame> {
  const head = hostCsp ? `<meta http-equiv="Content-Security-Policy" content="${hostCsp}">` : "";
  pages.set(
    `/${name}.html`,
    `<!doctype html><html><head><meta charset="utf-8">${head}<title>host</title></head><body>` +
      `<iframe id="preview" sandbox="${REACT_PREVIEW_SANDBOX}" referrerpolicy="no-referrer" ` +
      `width="800" height="600" srcdoc="${escapeAttribute(html)}"></iframe>` +
      `</body></html>`,
  );
  const page = await context.newPage();
  await page.goto(`${origin}/${name}.html`, { waitUntil: "load" });
  const frame = await (await page.waitForSelector("#preview")).contentFrame();
  if (!frame) throw new Error("the preview iframe has no frame");
  return frame;
}

const previewOf = (files: SourceFile[]) => buildReactPreview(files, previewRuntimeForTests());

const errorText = (frame: Frame) => frame.locator(`#${PREVIEW_ERROR_ID}`).innerText({ timeout: 10_000 });

// A project as a model writes it: src/App.tsx default export, a component with its CSS module.
const APP = `import { useState } from "react";
import { Header } from "./components/Header";

const TASKS = ["Sketch the layout", "Pick the colors", "Ship it"];

export default function App() {
  const [done, setDone] = useState(0);
  return (
    <main>
      <Header title="Launch plan" subtitle={\`\${done} of \${TASKS.length} done\`} />
      <ul className="tasks">
        {TASKS.map((task) => (
          <li key={task}>{task}</li>
        ))}
      </ul>
      <button type="button" onClick={() => setDone((n) => Math.min(n + 1, TASKS.length))}>
        Mark one done
      </button>
    </main>
  );
}
`;

const HEADER = `import styles from "./Header.module.css";

interface HeaderProps {
  title: string;
  subtitle: string;
}

export function Header({ title, subtitle }: HeaderProps) {
  return (
    <header className={styles.header}>
      <h1 className={styles.title}>{title}</h1>
      <p className={styles.subtitle}>{subtitle}</p>
    </header>
  );
}
`;

const HEADER_CSS = `.header {
  display: flex;
  flex-direction: column;
  gap: 4px;
  padding: 24px;
  background: rgb(17, 24, 39);
}

.title {
  margin: 0;
  color: rgb(250, 204, 21);
  font-size: 32px;
}

.subtitle {
  margin: 0;
  color: rgb(156, 163, 175);
}
`;

const PROJECT: SourceFile[] = [
  { path: "src/App.tsx", content: APP },
  { path: "src/components/Header.tsx", content: HEADER },
  { path: "src/components/Header.module.css", content: HEADER_CSS },
];

describe.runIf(runBrowser)("the React preview in a sandboxed iframe", () => {
  beforeAll(async () => {
    server = createServer((req, res) => {
      const path = (req.url ?? "/").split("?")[0]!;
      requests.push(req.url ?? "/");
      const page = pages.get(path);
      res.writeHead(page ? 200 : 404, {
        "content-type": page ? "text/html; charset=utf-8" : "text/plain",
        "access-control-allow-origin": "*",
      });
      res.end(page ?? "not found");
    });
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await connectChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((done) => server?.close(done));
  });
  beforeEach(async () => {
    await context?.close();
    context = await browser.newContext({ viewport: { width: 900, height: 700 }, serviceWorkers: "block" });
  });

  it("renders a 3-file project: component import, CSS module styles, a list, and state that updates", async () => {
    const { html, problems } = previewOf(PROJECT);
    expect(problems).toEqual([]);
    const frame = await openPreview(html, "project");
    await frame.waitForSelector("h1", { timeout: 10_000 });
    expect(await frame.locator("h1").innerText()).toBe("Launch plan");
    expect(await frame.locator("li").allInnerTexts()).toEqual(["Sketch the layout", "Pick the colors", "Ship it"]);
    expect(await frame.locator("header p").innerText()).toBe("0 of 3 done");

    const styles = await frame.evaluate(() => {
      const g = globalThis as unknown as FrameGlobals;
      const pick = (selector: string) => {
        const s = g.getComputedStyle(g.document.querySelector(selector));
        return {
          color: s["color"],
          fontSize: s["fontSize"],
          display: s["display"],
          background: s["backgroundColor"],
          padding: s["paddingTop"],
        };
      };
      return { title: pick("h1"), header: pick("header"), subtitle: pick("header p") };
    });
    expect(styles.title).toMatchObject({ color: "rgb(250, 204, 21)", fontSize: "32px" });
    expect(styles.header).toMatchObject({ display: "flex", background: "rgb(17, 24, 39)", padding: "24px" });
    expect(styles.subtitle.color).toBe("rgb(156, 163, 175)");
    // Classes are scoped, like a bundler's CSS modules.
    expect(await frame.locator("h1").getAttribute("class")).toMatch(/^Header_title_[a-z0-9]+$/);

    await frame.locator("button").click();
    await frame.locator("button").click();
    await expect.poll(() => frame.locator("header p").innerText()).toBe("2 of 3 done");
    expect(await frame.locator(`#${PREVIEW_ERROR_ID}`).count()).toBe(0);
  });

  it(
    "runs src/main.tsx (createRoot, StrictMode, global CSS), " +
      "scopes same-named classes per module, embeds assets and JSON",
    async () => {
      const files: SourceFile[] = [
        {
          path: "src/main.tsx",
          content:
            `import { StrictMode } from "react";\n` +
            `import { createRoot } from "react-dom/client";\n` +
            `import "./index.css";\n` +
            `import App from "./App";\n\n` +
            `createRoot(document.getElementById("root")!).render(\n` +
            `  <StrictMode>\n` +
            `    <App />\n` +
            `  </StrictMode>,\n` +
            `);\n`,
        },
        {
          path: "src/index.css",
          content: `body { margin: 0; font-family: sans-serif; background: rgb(240, 240, 240); }\n`,
        },
        {
          path: "src/App.tsx",
          content:
            `import { Card } from "@/components/Card";\n` +
            `import { Badge } from "./components/Badge";\n` +
            `import items from "./data/items.json";\n` +
            `import logo from "./assets/logo.svg";\n` +
            `import clsx from "clsx";\n\n` +
            `export default function App() {\n` +
            `  return (\n` +
            `    <div className={clsx("app", { active: true, hidden: false })}>\n` +
            `      <img src={logo} alt="logo" width={16} height={16} />\n` +
            `      {items.map((item: { name: string }) => <Card key={item.name} name={item.name} />)}\n` +
            `      <Badge />\n` +
            `    </div>\n` +
            `  );\n` +
            `}\n`,
        },
        {
          path: "src/components/Card.tsx",
          content:
            `import styles from "./Card.module.css";\n` +
            `export function Card({ name }: { name: string }) {\n` +
            `  return <section className={styles.box}><h2 className={styles.label}>{name}</h2></section>;\n` +
            `}\n`,
        },
        {
          path: "src/components/Card.module.css",
          content: `.box { border: 2px solid rgb(0, 128, 0); }\n.label { color: rgb(0, 128, 0); }\n`,
        },
        {
          path: "src/components/Badge.tsx",
          content:
            `import * as styles from "./Badge.module.css";\n` +
            `export const Badge = () => <span className={styles.label}>new</span>;\n`,
        },
        { path: "src/components/Badge.module.css", content: `.label { color: rgb(0, 0, 255); }\n` },
        { path: "src/data/items.json", content: `[{ "name": "First" }, { "name": "Second" }]` },
        {
          path: "src/assets/logo.svg",
          content:
            `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 ` +
            `0 1 1"><rect width="1" height="1" fill="red"/></svg>`,
        },
      ];
      const { html, problems } = previewOf(files);
      expect(problems).toEqual([]);
      const frame = await openPreview(html, "main");
      await frame.waitForSelector("h2", { timeout: 10_000 });
      expect(await frame.locator("h2").allInnerTexts()).toEqual(["First", "Second"]);
      const seen = await frame.evaluate(() => {
        const g = globalThis as unknown as FrameGlobals;
        const q = (selector: string) =>
          g.document.querySelector(selector) as { className: string; naturalWidth?: number; complete?: boolean };
        return {
          label: g.getComputedStyle(q("h2"))["color"],
          badge: g.getComputedStyle(q("span"))["color"],
          body: g.getComputedStyle(q("body"))["backgroundColor"],
          app: q("#root > div").className,
          image: Boolean(q("img").complete && (q("img").naturalWidth ?? 0) > 0),
        };
      });
      expect(seen).toEqual({
        label: "rgb(0, 128, 0)",
        badge: "rgb(0, 0, 255)",
        body: "rgb(240, 240, 240)",
        app: "app active",
        image: true,
      });
      expect(await frame.locator(`#${PREVIEW_ERROR_ID}`).count()).toBe(0);
    },
  );

  it(
    "styles Tailwind's classes with its compiled CSS: arbitrary " +
      "values, @theme tokens, preflight (a model's src/index.css)",
    async () => {
      const files: SourceFile[] = [
        {
          path: "src/main.tsx",
          content:
            `import { createRoot } from "react-dom/client";\n` +
            `import "./index.css";\n` +
            `import App from "./App";\n\n` +
            `createRoot(document.getElementById("root")!).render(<App />);\n`,
        },
        { path: "src/index.css", content: `@import "tailwindcss";\n\n@theme {\n  --color-brand: rgb(1, 2, 3);\n}\n` },
        {
          path: "src/App.tsx",
          content:
            `export default function App() {\n` +
            `  return (\n` +
            `    <main className="flex flex-col gap-[7px] p-4">\n` +
            `      <div id="box" className="w-[123px] h-[45px] bg-brand [outline:3px_solid_rgb(4,5,6)]" />\n` +
            `      <h1 id="title" className="text-[21px] leading-[normal] font-bold">Title</h1>\n` +
            `    </main>\n` +
            `  );\n` +
            `}\n`,
        },
      ];
      const { html, problems } = await reactPreview(files, previewRuntimeForTests());
      expect(problems).toEqual([]);
      const frame = await openPreview(html, "tailwind");
      await frame.waitForSelector("#box", { timeout: 10_000 });
      const seen = await frame.evaluate(() => {
        const g = globalThis as unknown as FrameGlobals;
        const q = (selector: string) =>
          g.document.querySelector(selector) as {
            getBoundingClientRect(): { x: number; y: number; width: number; height: number };
          };
        const box = q("#box").getBoundingClientRect();
        const title = q("#title").getBoundingClientRect();
        const style = (selector: string, property: string) => g.getComputedStyle(q(selector))[property];
        return {
          box: [box.x, box.y, box.width, box.height],
          background: style("#box", "backgroundColor"),
          outline: style("#box", "outline"),
          // Preflight: no body margin, a heading's size and weight from its classes only.
          bodyMargin: style("body", "marginTop"),
          title: [title.y, style("#title", "fontSize"), style("#title", "fontWeight"), style("#title", "marginTop")],
        };
      });
      expect(seen).toEqual({
        box: [16, 16, 123, 45],
        background: "rgb(1, 2, 3)",
        outline: "rgb(4, 5, 6) solid 3px",
        bodyMargin: "0px",
        title: [16 + 45 + 7, "21px", "700", "0px"],
      });
      expect(await frame.locator(`#${PREVIEW_ERROR_ID}`).count()).toBe(0);
    },
  );

  it("shows a render error in a visible box with the message and the file", async () => {
    const files: SourceFile[] = [
      {
        path: "src/App.tsx",
        content:
          `import { Price } from "./components/Price";\n` +
          `export default function App() {\n` +
          `  return <main><Price /></main>;\n` +
          `}\n`,
      },
      {
        path: "src/components/Price.tsx",
        content:
          `export function Price(): JSX.Element {\n` +
          `  const price = undefined as unknown as { amount: number };\n` +
          `  if (!price) throw new Error("price is not loaded yet");\n` +
          `  return <p>{price.amount}</p>;\n` +
          `}\n`,
      },
    ];
    const frame = await openPreview(previewOf(files).html, "render-error");
    const text = await errorText(frame);
    expect(text).toContain("price is not loaded yet");
    expect(text).toContain("Error in src/components/Price.tsx");
    const box = await frame.evaluate((id) => {
      const g = globalThis as unknown as FrameGlobals;
      const s = g.getComputedStyle(g.document.querySelector(`#${id}`));
      return { display: s["display"], position: s["position"] };
    }, PREVIEW_ERROR_ID);
    expect(box).toEqual({ display: "block", position: "fixed" });
  });

  it("shows errors thrown while a module evaluates, in event handlers, and from syntax errors", async () => {
    const evalError = await openPreview(
      previewOf([
        {
          path: "src/App.tsx",
          content: `import { config } from "./config";\nexport default () => <p>{config.title}</p>;\n`,
        },
        {
          path: "src/config.ts",
          content:
            `const env: Record<string, string> = {};\n` +
            `if (!env.API) throw new TypeError("config: API is not set");\n` +
            `export const config = { title: "x" };\n`,
        },
      ]).html,
      "eval-error",
    );
    const evalText = await errorText(evalError);
    expect(evalText).toContain("TypeError in src/config.ts");
    expect(evalText).toContain("config: API is not set");

    const clickError = await openPreview(
      previewOf([
        {
          path: "src/App.tsx",
          content:
            `export default function App() {\n` +
            `  return <button onClick={() => { throw new Error("clicked too hard"); }}>Go</button>;\n` +
            `}\n`,
        },
      ]).html,
      "click-error",
    );
    await clickError.locator("button").click();
    expect(await errorText(clickError)).toContain("clicked too hard");

    const { html, problems } = previewOf([
      { path: "src/App.tsx", content: `import { Broken } from "./Broken";\nexport default () => <Broken />;\n` },
      { path: "src/Broken.tsx", content: `export function Broken() {\n  return <div>{)</div>;\n}\n` },
    ]);
    expect(problems.some((p) => p.code === "preview-syntax" && p.file === "src/Broken.tsx")).toBe(true);
    const syntax = await openPreview(html, "syntax-error");
    const syntaxText = await errorText(syntax);
    expect(syntaxText).toContain("SyntaxError in src/Broken.tsx");
    expect(syntaxText).toMatch(/Unexpected token, expected "," \(line 2, column \d+\)/);

    // Compiled code the browser cannot parse (the transpiler saw nothing wrong) fails the same way.
    const valid = previewOf([{ path: "src/App.tsx", content: `export default () => <p>never</p>;\n` }]).html;
    const marker = /(<script type="application\/json" id="figment-preview-data">)([\s\S]*?)(<\/script>)/;
    const data = JSON.parse(marker.exec(valid)![2]!) as PreviewData;
    data.modules["src/App.tsx"]!.code = "exports.default = () => {;\n";
    const unparsable = await openPreview(
      valid.replace(marker, (_, open: string, _json: string, close: string) => open + scriptJson(data) + close),
      "unparsable",
    );
    expect(await errorText(unparsable)).toContain("SyntaxError in src/App.tsx");
    expect(await unparsable.locator("p").count()).toBe(0);
  });

  it("shows an error naming an unknown package and the file that imports it", async () => {
    const { html, problems } = previewOf([
      {
        path: "src/App.tsx",
        content:
          `import { motion } from "framer-motion";\n` +
          `export default function App() {\n` +
          `  return <motion.div animate={{ opacity: 1 }}>Hello</motion.div>;\n` +
          `}\n`,
      },
    ]);
    expect(problems.map((p) => p.code)).toEqual(["preview-unknown-package"]);
    const text = await errorText(await openPreview(html, "unknown-package"));
    expect(text).toContain('"framer-motion"');
    expect(text).toContain("src/App.tsx");
  });

  it(
    "blocks the network from previewed code (fetch, " + "images, beacons), and a control without the CSP leaks",
    async () => {
      const leakProject = (label: string): SourceFile[] => [
        {
          path: "src/App.tsx",
          content: `import { useEffect, useState } from "react";

export default function App() {
  const [result, setResult] = useState("pending");
  useEffect(() => {
    fetch("${origin}/leak/${label}/fetch?secret=design")
      .then(() => setResult("sent"), (error: Error) => setResult("blocked: " + error.name));
    new Image().src = "${origin}/leak/${label}/image";
    navigator.sendBeacon?.("${origin}/leak/${label}/beacon", "secret");
  }, []);
  return <p id="result">{result}</p>;
}
`,
        },
      ];
      const { html } = previewOf(leakProject("csp"));
      const frame = await openPreview(html, "leak");
      await expect.poll(() => frame.locator("#result").innerText(), { timeout: 10_000 }).toBe("blocked: TypeError");
      await new Promise((done) => setTimeout(done, 500));
      expect(requests.filter((r) => r.startsWith("/leak/csp"))).toEqual([]);

      // The same document without its CSP does reach the server: the check above can see a leak.
      const open = previewOf(leakProject("control")).html.replace(
        /<meta http-equiv="Content-Security-Policy"[^>]*>/,
        "",
      );
      expect(open).not.toContain(REACT_PREVIEW_CSP);
      await openPreview(open, "leak-control");
      await expect
        .poll(() => requests.filter((r) => r.startsWith("/leak/control")).length, { timeout: 10_000 })
        .toBeGreaterThan(0);
    },
  );

  it(
    "cannot leak by navigating itself when the embedding " + "page sets PREVIEW_HOST_CSP (and can without it)",
    async () => {
      const navigating = (label: string) =>
        previewOf([
          {
            path: "src/App.tsx",
            content:
              `export default function App() {\n` +
              `  const go = () => {\n` +
              `    location.href = "${origin}/leak/${label}/navigate?secret=design";\n` +
              `  };\n` +
              `  return <button id="go" onClick={go}>Go</button>;\n` +
              `}\n`,
          },
        ]).html;
      const guarded = await openPreview(navigating("guarded"), "navigate-guarded", PREVIEW_HOST_CSP);
      await guarded.locator("#go").click({ timeout: 10_000 });
      await new Promise((done) => setTimeout(done, 1_000));
      expect(requests.filter((r) => r.startsWith("/leak/guarded"))).toEqual([]);

      const unguarded = await openPreview(navigating("unguarded"), "navigate-unguarded");
      await unguarded.locator("#go").click({ timeout: 10_000 });
      await expect
        .poll(() => requests.filter((r) => r.startsWith("/leak/unguarded")).length, { timeout: 10_000 })
        .toBeGreaterThan(0);
    },
  );

  it("has no same-origin access to the page that embeds it", async () => {
    const { html } = previewOf([
      {
        path: "src/App.tsx",
        content: `function probe(read: () => unknown): string {
  try {
    read();
    return "reachable";
  } catch (error) {
    return "blocked: " + (error as Error).name;
  }
}

export default function App() {
  return (
    <ul>
      <li id="parent">{probe(() => window.parent.document.title)}</li>
      <li id="top">{probe(() => window.top!.document.body)}</li>
      <li id="storage">{probe(() => window.localStorage.length)}</li>
      <li id="cookie">{probe(() => document.cookie)}</li>
    </ul>
  );
}
`,
      },
    ]);
    const frame = await openPreview(html, "same-origin");
    await frame.waitForSelector("#parent", { timeout: 10_000 });
    expect(await frame.locator("#parent").innerText()).toBe("blocked: SecurityError");
    expect(await frame.locator("#top").innerText()).toBe("blocked: SecurityError");
    expect(await frame.locator("#storage").innerText()).toBe("blocked: SecurityError");
    expect(await frame.locator("#cookie").innerText()).toBe("blocked: SecurityError");
  });

  it(
    "previews the offline emitter's React output, alone (src/index.ts's " +
      "screen) and as the downloadable project (src/main.tsx)",
    async () => {
      const design = loadDesign(readFixture("figmasharp-login.file.json"), ["101:3"]);
      const generated = await generateCode(design.document, {
        target: "react",
        styling: "css-modules",
        nodeIds: false,
      });
      const project = projectFiles(generated.files, { target: "react", styling: "css-modules", name: "Log-In Page" });
      for (const [label, files] of [
        ["emitted", generated.files],
        ["project", project],
      ] as const) {
        const { html, problems } = previewOf(files);
        expect(problems, label).toEqual([]);
        const frame = await openPreview(html, `login-${label}`);
        await frame.waitForSelector("#root *", { timeout: 10_000 });
        const text = (await frame.locator("body").innerText()).replace(/\s+/g, " ");
        for (const expected of ["Log In", "Forgot your password?", "YOUR ART MUSEUM"])
          expect(text, label).toContain(expected);
        // The field texts are the inputs' placeholders now, in the design's colour (not the browser's grey).
        expect(
          await frame.locator('input[type="email"][placeholder="Email address"][aria-label="Email address"]').count(),
          label,
        ).toBe(1);
        expect(await frame.locator('input[type="password"][placeholder="Password"]').count(), label).toBe(1);
        const placeholderColor = await frame
          .locator('input[type="password"]')
          .evaluate(
            (el) =>
              (
                globalThis as unknown as { getComputedStyle(e: unknown, p: string): { color: string } }
              ).getComputedStyle(el, "::placeholder").color,
          );
        expect(placeholderColor, label).toBe("rgb(0, 0, 0)");
        expect(await frame.locator(`#${PREVIEW_ERROR_ID}`).count(), label).toBe(0);
        // global.css (box-sizing, body margin) applies, as in the Vite project.
        const margin = await frame.evaluate(() => {
          const g = globalThis as unknown as FrameGlobals;
          return g.getComputedStyle(g.document.querySelector("body"))["marginTop"];
        });
        expect(margin, label).toBe("0px");
      }
    },
  );

  it(
    "previews the offline emitter's Tailwind output styled, " + "alone and as the downloadable project, the same boxes",
    async () => {
      const design = loadDesign(readFixture("figmasharp-login.file.json"), ["101:3"]);
      const generated = await generateCode(design.document, { target: "react", styling: "tailwind", nodeIds: true });
      const project = projectFiles(generated.files, { target: "react", styling: "tailwind", name: "Log-In Page" });
      const boxes: Record<string, string>[] = [];
      for (const [label, files] of [
        ["emitted", generated.files],
        ["project", project],
      ] as const) {
        const { html, problems } = await reactPreview(files, previewRuntimeForTests());
        expect(problems, label).toEqual([]);
        const frame = await openPreview(html, `login-tailwind-${label}`);
        await frame.waitForSelector("[data-node-id]", { timeout: 10_000, state: "attached" });
        boxes.push(
          await frame.evaluate(() => {
            const g = globalThis as unknown as {
              document: {
                querySelectorAll(s: string): ArrayLike<{
                  getAttribute(n: string): string | null;
                  getBoundingClientRect(): { x: number; y: number; width: number; height: number };
                }>;
              };
            };
            const out: Record<string, string> = {};
            for (const el of Array.from(g.document.querySelectorAll("[data-node-id]"))) {
              const r = el.getBoundingClientRect();
              out[el.getAttribute("data-node-id")!] = [r.x, r.y, r.width, r.height].map((v) => Math.round(v)).join(",");
            }
            return out;
          }),
        );
        // The frame at its design size (375 × 667, its classes `max-w-[375px] min-h-[667px]`), centred in the wider
        // preview (`mx-auto`), its texts in the theme's font.
        const viewport = await frame.evaluate(() => (globalThis as unknown as { innerWidth: number }).innerWidth);
        expect(boxes.at(-1)!["101:3"], label).toBe(`${Math.round((viewport - 375) / 2)},0,375,667`);
        const family = await frame
          .locator("p")
          .first()
          .evaluate(
            (el) =>
              (globalThis as unknown as { getComputedStyle(e: unknown): { fontFamily: string } }).getComputedStyle(el)
                .fontFamily,
          );
        expect(family, label).toMatch(/^Montserrat, "Montserrat Fallback"/);
      }
      expect(boxes[1]).toEqual(boxes[0]);
    },
  );
});
