/**
 * ui.html's one running inline script. The panel's bundle sits in ui.html as inert text (a script of type
 * text/x-figment-panel, the tokenizer only scans it) and starts after the first frame has painted the prerendered
 * panel (prerender.tsx): compiling and running it (~90 ms on a quiet machine) no longer holds back the first paint.
 * It marks its run for measurements (performance marks "figment:panel-script-start" / "-end").
 */
import { PANEL_SCRIPT_ID, PANEL_SCRIPT_MARKS } from "./panel-script.js";

let started = false;

function startPanel(): void {
  if (started) return;
  started = true;
  const source = document.getElementById(PANEL_SCRIPT_ID);
  if (!source) throw new Error(`ui.html has no #${PANEL_SCRIPT_ID}`);
  const script = document.createElement("script");
  script.text = source.textContent ?? "";
  source.remove();
  performance.mark(PANEL_SCRIPT_MARKS.start);
  // An inline script runs as it is inserted: the mark below follows its top level (its first render is a microtask).
  document.body.append(script);
  performance.mark(PANEL_SCRIPT_MARKS.end);
}

if (document.visibilityState === "hidden") {
  // Nothing is painted while hidden (no frames come): no reason to wait.
  startPanel();
} else {
  // A frame's animation callbacks run before its paint; a task queued from one runs after that paint.
  requestAnimationFrame(() => setTimeout(startPanel, 0));
  // Frames that stop coming (the panel hidden meanwhile) must not keep the panel from starting.
  setTimeout(startPanel, 2000);
}
