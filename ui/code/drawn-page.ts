/**
 * Whether the frames selected for the model draw one page at several widths (issue 70): two or more, each of its own
 * width, their names sharing the page's words once the device words are left out ("Home • Desktop", "Home • Mobile").
 * Then the model gets one picture per drawing and is asked for one DOM (ai/code/prompt.ts). A stand-in for the page
 * groups the design step finds by name and content (h70-groups' codegen/design/page-groups.ts) until the panel uses it.
 */
import { sharedName } from "../../codegen/design/page-name.js";

export function drawsOnePage(frames: readonly { name: string; width: number }[]): boolean {
  if (frames.length < 2) return false;
  const widths = new Set(frames.map((f) => Math.round(f.width)));
  return widths.size === frames.length && sharedName(frames) !== undefined;
}
