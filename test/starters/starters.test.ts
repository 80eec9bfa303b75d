/**
 * The starter projects as a user gets them (issue 54): `figment code --project` on real files, then in a folder of its
 * own outside the repository `npm install` from the npm registry and `npm run build` (the project's own scripts:
 * `tsc && vite build`, `vue-tsc && vite build`), then the built site served and opened in Chromium, where the design's
 * text shows and nothing the page asks for is missing. The projects of a kind share one download: the first of each
 * kind installs from the registry, the others start from a hard-linked copy of its node_modules, which their own
 * `npm install` then fits to their package.json (Tailwind, their font packages), as a second project on a user's
 * machine would mostly come from npm's cache. Slow (an install each) and it needs the registry, so it runs
 * only with FIGMENT_STARTERS=1: `.ci/run` runs it after `npm test` (`npm run test:starters`).
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/fixtures.js";
import { useBrowser } from "../helpers/browser.js";
import { serveDir } from "../helpers/project-build.js";
import { stopWhenStalled } from "../helpers/stall-guard.js";

const RUN = process.env["FIGMENT_STARTERS"] === "1";
const ARTIFACTS = join(REPO_ROOT, "test-artifacts", "starters");

interface Starter {
  /** The test's name and the project's folder. */
  name: string;
  design: string;
  args: string[];
  /** A text of the first screen the built page must show. */
  shows: string;
  width: number;
  /** The folder the build writes the site to: Vite's dist/, a Next.js static export's out/ ({name}: the package's). */
  built?: string;
  /** Screenshots at these widths too (`<name>-<width>.png`). */
  alsoAt?: number[];
  /** The page loads a font file next/font built (Next.js: next/font/local from the Fontsource packages). */
  nextFont?: boolean;
  /** The page shows an image through next/image (a raster asset in an <img> Next wrote). */
  nextImage?: boolean;
  /** The npm scripts package.json has (dev and build; Expo's are start and build). */
  scripts?: string[];
  /** A face expo-font's useFonts registered, which the page loaded (from its @expo-google-fonts .ttf). */
  expoFont?: string;
  /**
   * A prototype link of the first screen (`a[href$=path]`, or `path/`) and a text of its destination: clicked, then
   * the browser's own back and forward, through the project's real router on the browser's history (issue 52).
   */
  flow?: { path: string; shows: string };
}

const HOME = { design: "figma/vincegx-vaya-home.nodes.json", shows: "Book your stay", width: 1440 };
const SELFIE = { design: "figma/figma-differ-selfie.nodes.json", shows: "Place your face in the frame", width: 375 };
/** A whole file: its screens as routes, the prototype's links between them. */
const TNT = {
  design: "real/tnt-website.file.json",
  shows: "Kailashnath Temple",
  width: 1440,
  flow: { path: "/book", shows: "Trip Registration Form" },
};
const LOGIN = { design: "figma/figmasharp-login.file.json", shows: "Forgot your password?", width: 375 };
/** A page with raster images, their bytes from the corpus (`--images`). */
const FREELANCER = { design: "corpus/sb-freelancer.nodes.json", shows: "Start Bootstrap", width: 1440 };

/** Three real designs per starter (a whole file among them), and one with Tailwind. */
export const STARTERS: Starter[] = [
  ...(["react", "vue", "svelte"] as const).flatMap((target) => [
    ...[
      ["home", HOME],
      ["selfie", SELFIE],
      ["tnt", TNT],
    ].map(([label, design]) => ({
      ...(design as typeof HOME),
      name: `${target}-${label as string}`,
      args: ["--target", target],
    })),
    { ...LOGIN, name: `${target}-tailwind-login`, args: ["--target", target, "--styling", "tailwind"] },
  ]),
  // Next.js: `next build` with `output: "export"` writes the static site to out/.
  ...[
    ["home", HOME],
    ["selfie", SELFIE],
    ["tnt", TNT],
  ].map(([label, design]) => ({
    ...(design as typeof HOME),
    name: `nextjs-${label as string}`,
    args: ["--target", "react", "--project", "nextjs"],
    built: "out",
    // Selfie's fonts (SF Pro Text, Trade Republic Sans Display) are on neither Google Fonts nor Fontsource: its
    // src/fonts.css names the files the user adds, and no next/font file is built.
    nextFont: label !== "selfie",
    ...(label === "home" ? { alsoAt: [390] } : {}),
  })),
  {
    ...LOGIN,
    name: "nextjs-tailwind-login",
    args: ["--target", "react", "--styling", "tailwind", "--project", "nextjs"],
    built: "out",
    nextFont: true,
  },
  // Angular CLI: `ng build` (the application builder) writes the site to dist/<package name>/browser/.
  ...[
    ["home", HOME],
    ["selfie", SELFIE],
    ["tnt", TNT],
  ].map(([label, design]) => ({
    ...(design as typeof HOME),
    name: `angular-${label as string}`,
    args: ["--target", "angular"],
    built: "dist/{name}/browser",
  })),
  {
    ...LOGIN,
    name: "angular-tailwind-login",
    args: ["--target", "angular", "--styling", "tailwind"],
    built: "dist/{name}/browser",
  },
  {
    ...FREELANCER,
    name: "nextjs-images-freelancer",
    args: ["--target", "react", "--project", "nextjs", "--images", join(REPO_ROOT, "test/fixtures/corpus/images")],
    built: "out",
    nextFont: true,
    nextImage: true,
  },
  // Expo: `expo export --platform web` writes the static site to dist/. The flow's start is app/index.tsx: TNT's
  // prototype starts at its interview screen.
  ...[
    ["login", { ...LOGIN, expoFont: "Montserrat_400Regular" }],
    ["selfie", SELFIE],
    ["tnt", { ...TNT, shows: "Join Interview", alsoAt: [390], flow: undefined }],
  ].map(([label, design]) => ({
    ...(design as typeof HOME),
    name: `expo-${label as string}`,
    args: ["--target", "react-native"],
    scripts: ["start", "build"],
  })),
];

interface Ran {
  code: number | null;
  output: string;
  /** Seconds from the start to the end. */
  seconds: number;
  /** Killed for having stalled (STALL_MS without using any CPU). */
  stalled: boolean;
}

/**
 * A step (the CLI, an install, a build) is stopped only when it has stalled: its processes used no CPU for this long.
 * Not after a time: CI runs the starters at a low priority beside the tests, so a step takes what the tests leave it,
 * and a machine twice as slow doubles that. A clock sized on one machine (900 s for each test, counted from its start,
 * waiting for a slot included) stopped two Angular builds that were still working on the slower one.
 */
const STALL_MS = 5 * 60_000;

/** Runs `command` in `cwd`, its output kept (the last lines go into a failure's message); stopped if it stalls. */
function run(command: string, args: string[], cwd: string): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, npm_config_update_notifier: "false" },
      detached: true,
    });
    let stalled = false;
    const endWatch = stopWhenStalled(child.pid, STALL_MS, () => void (stalled = true));
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => void (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => void (output += chunk.toString()));
    child.on("error", (error) => {
      endWatch();
      reject(error);
    });
    child.on("close", (code) => {
      endWatch();
      const seconds = Math.round((performance.now() - started) / 100) / 10;
      if (stalled) output += `\n[starters] stopped after ${seconds} s: no CPU used for ${STALL_MS / 1000} s\n`;
      resolve({ code, output, seconds, stalled });
    });
  });
}

const tail = (ran: Ran): string => ran.output.split("\n").slice(-40).join("\n");

/** At most two installs and builds at a time (the CI machine has two cores). */
const slots = (() => {
  let free = 2;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (free === 0) await new Promise<void>((wake) => waiting.push(wake));
    else free--;
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else free++;
    }
  };
})();

/** Each starter's install, settled when its node_modules is there (or failed), for the starters that start from it. */
const installs = new Map(
  STARTERS.map((s) => {
    let settle: (ok: boolean) => void = () => {};
    const done = new Promise<boolean>((resolve) => void (settle = resolve));
    return [s.name, { done, settle }] as const;
  }),
);

/** Each kind's first starter (react, vue, svelte, nextjs, angular, expo: the name's first word), by kind. */
function firstsOfKinds(starters: readonly Starter[]): Map<string, string> {
  const firsts = new Map<string, string>();
  for (const { name } of starters) if (!firsts.has(kindOf(name))) firsts.set(kindOf(name), name);
  return firsts;
}
const kindOf = (name: string): string => name.split("-")[0]!;
const FIRSTS = firstsOfKinds(STARTERS);

/**
 * The starters whose install asks the registry whether its cached package data is current: the first of each kind,
 * so that a release that breaks a kind's projects fails here as it would for a user. The others of the kind start
 * from its node_modules and install `--prefer-offline`: from npm's cache where it holds the package (as a user's
 * second project would), not asking again about each of some hundreds of packages, nor unpacking them again.
 */
const FRESH = new Set(FIRSTS.values());

/** The starter whose node_modules this one's install starts from (a hard-linked copy): its kind's first. */
const installFrom = (name: string): string | undefined => (FRESH.has(name) ? undefined : FIRSTS.get(kindOf(name)));

/** `npm install` in `dir`, from a hard-linked copy of `from`'s node_modules when given. */
async function install(dir: string, from: string | undefined, fresh: boolean): Promise<Ran> {
  if (from !== undefined) {
    const copied = await run("cp", ["-al", join(from, "node_modules"), join(dir, "node_modules")], dir);
    if (copied.code !== 0) return copied;
    // npm rewrites its hidden lockfile in place, which would write through the link into the other project's.
    rmSync(join(dir, "node_modules/.package-lock.json"), { force: true });
  }
  const offline = fresh ? [] : ["--prefer-offline"];
  return run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", ...offline], dir);
}

/**
 * The first screen's link to `flow.path` clicked: its destination shows at that path; the browser's back shows the
 * first screen at `/` again, one entry back (not a new one pushed), and forward the destination.
 */
async function clickThrough(page: Page, home: string, flow: { path: string; shows: string }): Promise<void> {
  const pathname = (): string => new URL(page.url()).pathname.replace(/(\.html|\/)$/, "");
  const entries = (): Promise<number> => page.evaluate("history.length") as Promise<number>;
  const before = await entries();
  // Next.js's static export links folders (`trailingSlash`): /book/.
  await page.locator(`a[href$="${flow.path}"], a[href$="${flow.path}/"]`).first().click();
  await page.getByText(flow.shows).first().waitFor({ state: "visible" });
  expect(pathname()).toBe(flow.path);
  expect(await entries()).toBe(before + 1);
  await page.goBack();
  await page.getByText(home).first().waitFor({ state: "visible" });
  expect(pathname()).toBe("");
  await page.getByText(flow.shows).first().waitFor({ state: "detached" });
  expect(await entries()).toBe(before + 1);
  await page.goForward();
  await page.getByText(flow.shows).first().waitFor({ state: "visible" });
  expect(pathname()).toBe(flow.path);
}

describe("the starters' installs", () => {
  it("ask the registry afresh for the first project of each kind, the others start from its node_modules", () => {
    expect([...FRESH]).toEqual(["react-home", "vue-home", "svelte-home", "nextjs-home", "angular-home", "expo-login"]);
    expect(installFrom("react-home")).toBeUndefined();
    expect(installFrom("react-tailwind-login")).toBe("react-home");
    expect(installFrom("nextjs-images-freelancer")).toBe("nextjs-home");
    expect(installFrom("expo-tnt")).toBe("expo-login");
  });
});

describe.runIf(RUN)("starter projects install and build as downloaded", { concurrent: true }, () => {
  const browser = useBrowser();
  // Outside the repository: no node_modules above the project that an install would not have made.
  let root = "";
  beforeAll(() => void (root = mkdtempSync(join(tmpdir(), "figment-starters-"))));
  // Two dozen projects' node_modules (Expo's alone some 630 packages each) take minutes to delete on a busy machine,
  // over 600 s beside the tests and the bench (ci27, when this hook had a clock): no clock, it ends when they are gone.
  afterAll(() => rmSync(root, { recursive: true, force: true }), 0);

  // Where each starter's time went, printed after the last (CI's log shows it beside the run's other times).
  const times = new Map<string, string>();
  afterAll(() => {
    const lines = [...times].sort(([a], [b]) => a.localeCompare(b)).map(([name, line]) => `  ${name}: ${line}`);
    if (lines.length > 0) console.log(`starters' steps (seconds):\n${lines.join("\n")}`);
  });

  for (const starter of STARTERS)
    it(`${starter.name}: npm install && npm run build, then the built page shows "${starter.shows}"`, {
      // No clock of the test's own: every wait in it ends by itself or is bounded where it happens (a step that
      // stalls is stopped, Playwright's actions have their timeouts), and a test's time includes waiting for a slot
      // and for its kind's first install, which a test's clock cannot tell from its own work.
      timeout: 0,
    }, async ({ onTestFinished }) => {
      // A starter that fails before its install ends fails the ones that start from its node_modules.
      onTestFinished(() => installs.get(starter.name)!.settle(false));
      const dir = join(root, starter.name);
      const made = await run(
        process.execPath,
        [
          join(REPO_ROOT, "dist/cli.js"),
          "code",
          join(REPO_ROOT, "test/fixtures", starter.design),
          ...starter.args,
          ...(starter.args.includes("--project") ? [] : ["--project"]),
          "--out",
          dir,
        ],
        root,
      );
      expect(made.code, tail(made)).toBe(0);
      expect(existsSync(join(dir, "package.json"))).toBe(true);
      // A starter ships without a lockfile: the install resolves its ranges as a user's would.
      expect(existsSync(join(dir, "package-lock.json"))).toBe(false);
      const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as {
        name: string;
        scripts: Record<string, string>;
      };
      const scripts = pkg.scripts;
      expect(Object.keys(scripts)).toEqual(expect.arrayContaining(starter.scripts ?? ["dev", "build"]));

      const from = installFrom(starter.name);
      const seconds = (since: number): number => Math.round((performance.now() - since) / 1000);
      const generated = performance.now();
      if (from !== undefined) expect(await installs.get(from)!.done, `${from}'s install failed`).toBe(true);
      const firstWaited = from === undefined ? "" : `, waited ${seconds(generated)} for ${from}'s install`;
      const queued = performance.now();
      await slots(async () => {
        const waited = `generate ${made.seconds}${firstWaited}, waited ${seconds(queued)} for a slot`;
        const installed = await install(
          dir,
          from === undefined ? undefined : join(root, from),
          FRESH.has(starter.name),
        );
        installs.get(starter.name)!.settle(installed.code === 0);
        times.set(starter.name, `${waited}, install ${installed.seconds}`);
        expect(installed.code, `npm install failed:\n${tail(installed)}`).toBe(0);
        const built = await run("npm", ["run", "build"], dir);
        times.set(starter.name, `${times.get(starter.name)}, build ${built.seconds}`);
        expect(built.code, `npm run build failed:\n${tail(built)}`).toBe(0);
      });
      const site = join(dir, (starter.built ?? "dist").replace("{name}", pkg.name));
      expect(existsSync(join(site, "index.html"))).toBe(true);

      const served = await serveDir(site);
      const context = await browser.newContext({
        viewport: { width: starter.width, height: 900 },
        serviceWorkers: "block",
      });
      try {
        const page = await context.newPage();
        const errors: string[] = [];
        page.on("pageerror", (error) => void errors.push(error.message));
        await page.goto(`${served.origin}/`, { waitUntil: "load" });
        await page.getByText(starter.shows).first().waitFor({ state: "visible" });
        await page.evaluate("document.fonts.ready.then(() => true)");
        mkdirSync(ARTIFACTS, { recursive: true });
        await page.screenshot({ path: join(ARTIFACTS, `${starter.name}.png`) });
        for (const width of starter.alsoAt ?? []) {
          await page.setViewportSize({ width, height: 900 });
          await page.screenshot({ path: join(ARTIFACTS, `${starter.name}-${width}.png`) });
        }
        if (starter.flow) await clickThrough(page, starter.shows, starter.flow);
        expect(errors).toEqual([]);
        // next/font's files are built into _next/static/media/, and the text is set in them.
        if (starter.nextFont) {
          const fonts = served.requests.filter((r) => /^\/_next\/static\/media\/.+\.woff2$/.test(r.path));
          expect(fonts.length).toBeGreaterThan(0);
          expect(await page.evaluate("[...document.fonts].some((f) => f.status === 'loaded')")).toBe(true);
        }
        // useFonts registered the face under its export's name, and the page loaded its file.
        if (starter.expoFont) {
          const faces = `[...document.fonts].filter((f) => f.family === ${JSON.stringify(starter.expoFont)})`;
          expect(await page.evaluate(`${faces}.map((f) => f.status)`)).toEqual(["loaded"]);
          expect(served.requests.some((r) => r.path.endsWith(".ttf") && r.status === 200)).toBe(true);
        }
        // next/image's <img> (its static import's width and height, `decoding="async"`) on a built raster file.
        if (starter.nextImage) {
          const images = await page.locator('img[decoding="async"][width][height][src*="/_next/static/media/"]');
          expect(await images.count()).toBeGreaterThan(0);
        }
        // Everything the page asked for was built into it (fonts, images), but the icon browsers ask for by themselves.
        expect(served.requests.filter((r) => r.status !== 200 && r.path !== "/favicon.ico")).toEqual([]);
      } finally {
        await context.close();
        await served.close();
      }
    });
});
