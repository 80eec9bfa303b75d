/**
 * The iframe an in-page script runs in, out of sight (the score's probes, the layers reader): scripts allowed, never
 * same-origin, no referrer, out of the tab order and the accessibility tree. The caller places and sizes it.
 */
export function offscreenFrame(title: string, className: string): HTMLIFrameElement {
  const frame = document.createElement("iframe");
  frame.setAttribute("sandbox", "allow-scripts");
  frame.setAttribute("aria-hidden", "true");
  frame.setAttribute("referrerpolicy", "no-referrer");
  frame.tabIndex = -1;
  frame.title = title;
  frame.className = className;
  return frame;
}
