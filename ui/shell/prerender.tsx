/**
 * The panel's first frame, rendered at build time from the App itself (esbuild.config.mjs puts it in ui.html's
 * #app): the navigation and "Connecting to Figma…" paint as soon as ui.html is parsed, before the panel's
 * script has been compiled and run (run-panel-script.ts starts it after that first frame). The script's first
 * render then takes the markup over: Preact's render diffs against the DOM it finds in #app, so an attribute
 * that differs in the real panel (a panel already large, say) is corrected, not duplicated.
 */
import { renderToString } from "preact-render-to-string";
import { PANEL } from "../../contract/limits.js";
import { App } from "../app.js";
import { PluginBridge } from "../channel/bridge.js";
import { BridgeRequests } from "../channel/requests.js";
import { createEngine } from "../engine/engine.js";
import { ApiKeyVault } from "../model/api-key.js";

/** What the App reads of `window` while rendering (not its effects, which a string render never runs). */
interface WindowForRender {
  innerWidth: number;
  innerHeight: number;
}

/** The App before `init`, at Figma's default panel size, as HTML. Nothing is sent: effects do not run here. */
export function prerenderPanel(): string {
  const inert = { addEventListener() {}, removeEventListener() {} };
  const bridge = new PluginBridge({ postMessage() {} }, inert);
  const requests = new BridgeRequests(bridge);
  const scope = globalThis as unknown as { window?: WindowForRender };
  const had = "window" in scope;
  const previous = scope.window;
  scope.window = { innerWidth: PANEL.default.width, innerHeight: PANEL.default.height };
  try {
    return renderToString(
      <App bridge={bridge} requests={requests} worker={createEngine(requests)} vault={new ApiKeyVault()} />,
    );
  } finally {
    if (had) scope.window = previous;
    else delete scope.window;
  }
}
