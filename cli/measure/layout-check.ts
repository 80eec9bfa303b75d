/**
 * The layout check of a CLI run (issue 49): before any code is made, each frame that layout inference changes is laid
 * out at its design width in Chromium (codegen/layout-check) and its verdict goes into the code options, so that the
 * files, the hint and the score are all of the checked layout. Without Chromium the simulator checks it, said once on
 * stderr. One browser per run: `LayoutBrowser` launches it when first needed and the run closes it.
 */
import type { Browser, BrowserContext } from "playwright-core";
import type { CodeOptions, DesignDocument } from "../../codegen/index.js";
import { checkLayout, simulatorEngine, type LayoutCheck } from "../../codegen/layout-check/index.js";
import { infers } from "../../codegen/layout/index.js";
import { allDrawings } from "../../codegen/design/drawings.js";
import { chromiumAvailable, chromiumPath } from "./browser.js";
import { stopIfAborted } from "../../kernel/cancelled.js";

/** A run's Chromium, launched on first use; `close` ends it (a no-op when it never started). */
export class LayoutBrowser {
  private launched: Promise<Browser> | undefined;
  /** A browser the caller owns (it closes it): close leaves it open. */
  private owned = true;

  /** With `shared` (RunContext.chromium: a browser the caller keeps), that one, asked for when first needed. */
  constructor(private readonly shared?: () => Promise<Browser>) {
    if (shared) this.owned = false;
  }

  static of(browser: Browser): LayoutBrowser {
    const out = new LayoutBrowser();
    out.launched = Promise.resolve(browser);
    out.owned = false;
    return out;
  }

  get(): Promise<Browser> {
    this.launched ??= this.shared
      ? this.shared()
      : import("./browser.js").then(({ launchChromium }) => launchChromium());
    return this.launched;
  }

  /**
   * The browser's one context for the layout check, made on first use and kept as long as the browser: its pages are
   * reused (browser.ts withPage), so a check lays its frames out without opening a context and a renderer each time —
   * that cost most of a warm get_code on `figment mcp`'s shared browser (about 400 of 600 ms on a loaded machine).
   */
  async context(): Promise<BrowserContext> {
    const browser = await this.get();
    let context = checkContexts.get(browser);
    if (!context) {
      context = import("./browser.js").then(({ newPageContext }) => newPageContext(browser));
      checkContexts.set(browser, context);
      // A context that could not be made is asked again next time, not kept.
      context.catch(() => checkContexts.delete(browser));
    }
    return context;
  }

  async close(): Promise<void> {
    const launched = this.launched;
    this.launched = undefined;
    if (launched && this.owned) await (await launched).close();
  }
}

const checkContexts = new WeakMap<Browser, Promise<BrowserContext>>();

/**
 * `options` with the layout check's decisions for `doc`'s frames (unchanged for --exact-layout, or when no frame is
 * inferred). In Chromium when it is installed, else by the simulator, with a note.
 */
export async function checkedOptions(
  doc: DesignDocument,
  options: CodeOptions,
  browser: LayoutBrowser,
  io: { err(text: string): void },
  signal?: AbortSignal,
): Promise<{ options: CodeOptions; check?: LayoutCheck }> {
  if (options.layout === "exact" || !allDrawings(doc).some(infers)) return { options };
  let check: LayoutCheck;
  try {
    if (chromiumAvailable()) {
      const { chromiumEngine } = await import("./layout-engine.js");
      check = await checkLayout(doc, chromiumEngine(await browser.context()), signal ? { signal } : {});
    } else {
      io.err(
        `figment: note: no Chromium at ${chromiumPath()}: the inferred layout was checked by Figment's layout ` +
          "model, not a browser (apt-get install chromium, or set CHROMIUM_PATH)",
      );
      check = await checkLayout(doc, simulatorEngine, signal ? { signal } : {});
    }
  } catch (error) {
    // The check stops with the signal's own reason: a cancel, said as one.
    stopIfAborted(signal, "cancelled while checking the layout");
    throw error;
  }
  return { options: { ...options, layoutDecisions: check.decisions }, check };
}
