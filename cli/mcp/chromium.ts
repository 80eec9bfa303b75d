/**
 * The server's Chromium: launched when a tool first needs it (the layout check of get_code and get_design_hint) and
 * kept for the server's life, so a call after the first one does not wait for a browser to start. A browser that
 * went away (crashed, killed) is launched again on the next call.
 */
import type { Browser } from "playwright-core";

export class SharedChromium {
  private launched: Promise<Browser> | undefined;

  readonly get = (): Promise<Browser> => {
    if (this.launched === undefined) {
      const launching = import("../measure/browser.js").then(({ launchChromium }) => launchChromium());
      this.launched = launching;
      launching.then(
        (browser) => browser.once("disconnected", () => this.forget(launching)),
        () => this.forget(launching),
      );
    }
    return this.launched;
  };

  private forget(which: Promise<Browser>): void {
    if (this.launched === which) this.launched = undefined;
  }

  async close(): Promise<void> {
    const launched = this.launched;
    this.launched = undefined;
    await (await launched?.catch(() => undefined))?.close();
  }
}
