/**
 * A split frame's requests, built from its plan (plan.ts): each section's picture tiles cut from the frame's PNG at
 * full resolution, and each section's PromptInput — the one-frame input with the section's part of the hint, its
 * tiles, and no draft (a draft of the whole page would undo the split). The estimate is computed from these very
 * inputs, so it is what is sent.
 */
import { cropPng } from "../../mask/png.js";
import { pngDataUrl, type PromptInput } from "../prompt.js";
import type { SectionPlan } from "./plan.js";
import type { SectionTile } from "../section-prompt.js";

/**
 * One PromptInput per planned section. `png`: the frame's picture (absent: structure only, as for one request);
 * `frame`: its name and design size.
 */
export async function sectionInputs(
  base: PromptInput,
  plan: SectionPlan,
  frame: { name: string; w: number; h: number },
  png?: Uint8Array,
): Promise<PromptInput[]> {
  const components = plan.sections.map((s) => s.component);
  const scale = plan.pictureScale;
  const crops = png
    ? await cropPng(
        png,
        plan.sections.flatMap((s) => s.tiles),
      )
    : [];
  let at = 0;
  const { drafts: _drafts, drawings: _drawings, imageDataUrl: _image, ...rest } = base;
  return plan.sections.map((s): PromptInput => {
    // No picture (its size alone planned the split): no tiles to cut.
    const tiles: SectionTile[] = (png ? s.tiles : []).map((t) => ({
      url: pngDataUrl(crops[at++]!),
      x: t.x / scale,
      y: t.y / scale,
      w: t.w / scale,
      h: t.h / scale,
    }));
    return {
      ...rest,
      hint: s.hint,
      ...(tiles[0] ? { imageDataUrl: tiles[0].url, detail: base.detail ?? "high" } : {}),
      section: {
        index: s.index,
        count: plan.sections.length,
        component: s.component,
        components,
        frame,
        band: { y: s.band.y, h: s.band.h },
        tiles,
        answered: [],
      },
    };
  });
}
