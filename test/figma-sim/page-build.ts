/**
 * A layer description built on the Figma simulator and exported as a Figma REST reply's document: the builder's
 * half of the Design2Code measure (test/helpers/page-layers.ts). A `.sim.ts` file: checked with the main thread's
 * tests (plugin/tsconfig.test.json), bundled for the bench as dist/page-build.mjs (esbuild.config.mjs), never
 * shipped in the plugin.
 */
import type { LayerDocument } from "../../contract/layers.js";
import { createFigmaSim, installFigmaSim, type Json } from "./sim.js";
import { buildLayers } from "../../plugin/canvas/build-layers.js";
import { IMAGE_PLACEHOLDER } from "../../plugin/canvas/layer-paints.js";

/** An empty file: one page for the layers. */
const EMPTY_FILE = {
  document: {
    id: "0:0",
    name: "Document",
    type: "DOCUMENT",
    children: [{ id: "0:1", name: "Page 1", type: "CANVAS" }],
  },
};

export interface PageBuild {
  built: number;
  notes: string[];
  /** The built root, as `exportAsync({ format: "JSON_REST_V1" })` gives it. */
  rest: Json;
}

/** Builds `doc` on a fresh simulator (every font available) and exports its root. */
export async function buildAndExport(doc: LayerDocument): Promise<PageBuild> {
  const sim = createFigmaSim({ file: EMPTY_FILE });
  const restore = installFigmaSim(sim);
  try {
    const built = await buildLayers(doc);
    const node = sim.node(built.rootId ?? "") as unknown as FrameNode;
    const reply = (await node.exportAsync({ format: "JSON_REST_V1" })) as { document: Json };
    return { built: built.built, notes: built.notes, rest: reply.document };
  } finally {
    restore();
  }
}

/** The image placeholder's colour (a layer whose image could not be placed has it as its fill). */
export const PLACEHOLDER_COLOR = { ...IMAGE_PLACEHOLDER.color };
