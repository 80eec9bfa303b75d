/**
 * Counterexamples of the habit properties kept as fixtures (test/fixtures/shrunk/): when a property fails, the case
 * fast-check shrank it to is written there as the REST JSON `figment code` reads (a nodes reply of one frame), with a
 * note of the property, the seed and the shrink path that reproduce it, the edits and what failed. The replay test
 * (codegen/layout-check/shrunk.browser.test.ts) checks every file there, so a failure found once stays checked.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { fixturesRoot } from "./responsive-frames.js";

export const SHRUNK_DIR = "shrunk";

/** The property a shrunk file failed. */
export type HabitProperty = "contract" | "paint order" | "content shown" | "stacking";

export interface ShrunkNote {
  property: HabitProperty;
  /** fast-check's seed and counterexample path: `fc.assert(…, { seed, path })` replays the shrunk case. */
  seed: number;
  path: string;
  /** The real frame it was cut from ("<file>#<frame id>"), and the case (band and edits) as generated. */
  base: string;
  case: unknown;
  /** What failed, as the property said it, on the file as saved. */
  failure: string;
  /** Layers taken out of the shrunk case while it still failed (test/arbitraries/reduce-layers.ts), and those left. */
  reduced?: { removed: number; left: number; timedOut: boolean };
}

export interface ShrunkFixture {
  /** File name without `.json`. */
  name: string;
  reply: Record<string, unknown>;
  frameId: string;
  note: ShrunkNote;
}

const dir = (): string => join(fixturesRoot(), SHRUNK_DIR);

export const slug = (text: string): string =>
  text
    .toLowerCase()
    .replace(/\.(file|nodes|fragment)\.json/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

/** Writes a shrunk case as test/fixtures/shrunk/<name>.json (the reply with its note under `shrunk`); its path. */
export function saveShrunk(name: string, reply: Record<string, unknown>, frameId: string, note: ShrunkNote): string {
  mkdirSync(dir(), { recursive: true });
  const path = join(dir(), `${slug(name)}.json`);
  writeFileSync(path, `${JSON.stringify({ ...reply, shrunk: { frameId, ...note } }, null, 2)}\n`);
  return path;
}

/**
 * Every shrunk fixture, by name: those in test/fixtures/shrunk/, or (`open`) those in its open/ folder — failures found
 * on main and not fixed yet, kept for whoever fixes them (FIGMENT_SHRUNK_OPEN=1 replays them), moved up when they pass.
 */
export function shrunkFixtures(which: "fixed" | "open" = "fixed"): ShrunkFixture[] {
  const folder = which === "open" ? join(dir(), "open") : dir();
  let names: string[];
  try {
    names = readdirSync(folder).filter((f) => f.endsWith(".json"));
  } catch {
    return [];
  }
  return names.sort().map((file) => {
    const json = JSON.parse(readFileSync(join(folder, file), "utf8")) as Record<string, unknown>;
    const { shrunk, ...reply } = json;
    const { frameId, ...note } = shrunk as ShrunkNote & { frameId: string };
    return { name: file.slice(0, -".json".length), reply, frameId, note };
  });
}

/** Throws when `found` lists anything: what, and each item on a line (the failure a shrunk file's note keeps). */
export function none(found: readonly string[], what: string): void {
  if (found.length > 0) throw new Error(`${what} (${found.length}):\n${found.map((f) => `- ${f}`).join("\n")}`);
}

/**
 * Runs an async property like fc.assert; on failure, first hands the shrunk counterexample and the run's seed and path
 * to `save` (which writes the fixture and says where), then throws fast-check's report with the failure and that.
 */
export async function checkProperty<Ts>(
  property: fc.IAsyncProperty<Ts>,
  params: fc.Parameters<Ts>,
  save: (counterexample: Ts, run: { seed: number; path: string; failure: string }) => Promise<string>,
): Promise<void> {
  const details = await fc.check(property, params);
  if (!details.failed) return;
  const report = fc.defaultReportMessage(details);
  const error = details.errorInstance;
  const failure = error instanceof Error ? error.message : String(error);
  // Too many cases skipped, or interrupted before any failed: nothing to save.
  if (details.counterexample === null) throw new Error(report);
  const where = await save(details.counterexample, {
    seed: details.seed,
    path: details.counterexamplePath ?? "",
    failure,
  });
  throw new Error(`${report}\n${failure}\nThe shrunk case is saved as ${where}`);
}
