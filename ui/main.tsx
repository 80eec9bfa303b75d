/** Entry of the plugin UI: the bridge to the main thread, the (lazy) engine worker, and the app. */
import { render } from "preact";
import { ApiKeyVault } from "./model/api-key.js";
import { App } from "./app.js";
import { PluginBridge } from "./channel/bridge.js";
import { BridgeRequests } from "./channel/requests.js";
import { createEngine } from "./engine/engine.js";
import { paintStats } from "./image/painter.js";
import { placeStats } from "./image/canvas-actions.js";
import { partStats } from "./parts/load-part.js";
import "./styles.css";

const bridge = new PluginBridge(window.parent, window);
bridge.start();
const requests = new BridgeRequests(bridge);
// Nothing starts here: the worker script is fetched from the main thread and started on the first request.
const worker = createEngine(requests);
const vault = new ApiKeyVault();

const root = document.getElementById("app");
if (!root) throw new Error("ui.html has no #app element");
// The first render runs from a microtask, right after this script and off its top-level frame. Chromium records
// a stack with lines and columns for every Error made, and for that frame (the whole bundle) V8 first re-reads
// the entire script: an error made and caught in the first render (the empty batch form's) cost 45 ms per open.
queueMicrotask(() => render(<App bridge={bridge} requests={requests} worker={worker} vault={vault} />, root));

// For measurements (dev harness, tests): how long the worker took to start, once it has.
(window as unknown as { figmentWorkerStats: () => unknown }).figmentWorkerStats = () => ({
  ...worker.stats,
  status: worker.currentStatus,
});
// For measurements (bench, tests): each streamed partial image's arrival, draw and next frame (ui/image/painter.ts).
(window as unknown as { figmentImageStats: () => unknown }).figmentImageStats = () => paintStats.slice();
(window as unknown as { figmentPlaceStats: () => unknown }).figmentPlaceStats = () => placeStats.slice();
// For measurements (bench, tests): which panel parts have come, and how long each took (ui/parts/load-part.ts).
(window as unknown as { figmentPartStats: () => unknown }).figmentPartStats = partStats;
