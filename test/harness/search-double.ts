/**
 * DEV ONLY, until the plugin side of Search lands (branch wt-scan): a stand-in for the main thread's four
 * search messages, installed by a harness `setup` script. It answers `load-search-index` with an empty index,
 * `scan-frames` with the fixture's frame documents (computed here by codegen, as the plugin will), and
 * `export-frame-image` with the simulator's PNG export. Everything else reaches the real dist/code.js.
 */
import { frameDocs } from "../../codegen/search/frame-doc.js";

const FRAMES = new Set(["FRAME", "COMPONENT", "COMPONENT_SET"]);

function pageIds(json: unknown): Map<string, string> {
  const ids = new Map<string, string>();
  const doc = (json as { document?: { children?: { id: string; children?: { id: string; type: string }[] }[] } }).document;
  for (const page of doc?.children ?? []) for (const child of page.children ?? []) if (FRAMES.has(child.type)) ids.set(child.id, page.id);
  return ids;
}

export function searchDoubleSetup(json: unknown): string {
  const pages = pageIds(json);
  const docs = frameDocs(json).filter((d) => pages.has(d.id)).map((d) => ({ ...d, texts: d.texts.slice(0, 50), pageId: pages.get(d.id)! }));
  return `(() => {
  const sim = window.__figmentSim;
  const docs = ${JSON.stringify(docs)};
  const ui = sim.ui;
  const send = ui.send.bind(ui);
  const post = (m) => sim.figma.ui.postMessage(m);
  const empty = { docs: [], vectors: {}, captions: {}, scannedAt: 0 };
  // The selection's frameId (also the plugin side's to add): a top-level frame is its own.
  const ids = new Set(docs.map((d) => d.id));
  const postMessage = sim.figma.ui.postMessage.bind(sim.figma.ui);
  const withFrame = (sel) => sel && { ...sel, nodes: sel.nodes.map((n) => (ids.has(n.id) ? { ...n, frameId: n.id } : n)) };
  sim.figma.ui.postMessage = (m) => postMessage(m && (m.type === "selection" || m.type === "init") ? { ...m, selection: withFrame(m.selection) } : m);
  ui.send = async (m) => {
    const id = m && m.requestId;
    if (m.type === "load-search-index") return post({ type: "search-index", requestId: id, index: empty });
    if (m.type === "scan-frames") {
      for (let i = 1; i <= 3; i++) { post({ type: "export-progress", requestId: id, done: i, total: 3, label: "Reading page " + i + " / 3 …" }); await new Promise((r) => setTimeout(r, 150)); }
      return post({ type: "search-index", requestId: id, index: { docs, vectors: {}, captions: {}, scannedAt: Date.now() }, changes: { added: docs.map((d) => d.id), reindexed: [], dropped: [], unchanged: 0 }, skipped: [] });
    }
    if (m.type === "export-frame-image") {
      const node = await sim.figma.getNodeByIdAsync(m.nodeId);
      if (!node) return post({ type: "error", requestId: id, code: "not-found", message: "gone" });
      const png = await node.exportAsync({ format: "PNG", constraint: { type: "WIDTH", value: m.maxSide } });
      return post({ type: "frame-image", requestId: id, nodeId: m.nodeId, png, width: m.maxSide, height: m.maxSide });
    }
    return send(m);
  };
})();`;
}
