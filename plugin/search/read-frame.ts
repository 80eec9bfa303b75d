/**
 * One frame of a scan: size checks first (cheap, before the export), then its REST JSON, its position-blind
 * hash, and its document — computed only when the hash is new; an unchanged frame keeps the one it had.
 * Nothing here throws for the frame's sake: a frame that cannot be read is skipped with the reason.
 */
import { frameDoc } from "../../codegen/search/frame-doc.js";
import { frameHash } from "../../codegen/search/hash.js";
import { readRestReply } from "../../codegen/rest/reply.js";
import { MAX_LAYERS, MAX_SIDE } from "../../contract/limits.js";
import type { ScanSkip, SearchFrameDoc } from "../../contract/search.js";
import { errorText, formatCount } from "../errors.js";
import { countDescendants } from "../export/size.js";
import { fitDoc } from "./fit-doc.js";
import type { FoundFrame } from "./top-frames.js";

export type FrameRead = { doc: SearchFrameDoc; reused: boolean } | { skip: ScanSkip };

const MAX_NAME = 1000;
const named = (text: string): string => (text.length > MAX_NAME ? text.slice(0, MAX_NAME) : text);

export function skipOf(found: FoundFrame, page: PageNode, reason: string): { skip: ScanSkip } {
  return { skip: { id: found.frame.id, name: named(found.frame.name), page: named(page.name), reason } };
}

/**
 * Hidden frames are skipped: they are usually archived or superseded versions, a click on the result would
 * select something the designer cannot see, and their thumbnails export blank.
 */
export async function readFrame(
  found: FoundFrame,
  page: PageNode,
  previous: SearchFrameDoc | undefined,
  stop: () => boolean,
): Promise<FrameRead> {
  const { frame } = found;
  if (found.hidden)
    return skipOf(found, page, "It is hidden (or in a hidden section): show it to find it with Search.");
  if (Math.max(frame.width, frame.height) > MAX_SIDE)
    return skipOf(
      found,
      page,
      `It is ${formatCount(frame.width)} × ${formatCount(frame.height)} px, ` +
        `larger than the ${formatCount(MAX_SIDE)} px on a side Figment reads.`,
    );
  if ((await countDescendants(frame, MAX_LAYERS, stop)) > MAX_LAYERS)
    return skipOf(
      found,
      page,
      `It has more than ${formatCount(MAX_LAYERS)} layers, too many to read without holding up Figma.`,
    );
  let json: unknown;
  try {
    json = await frame.exportAsync({ format: "JSON_REST_V1" });
  } catch (error) {
    return skipOf(found, page, `Figma could not export it: ${errorText(error)}`);
  }
  try {
    const { roots, context } = readRestReply(json);
    const root = roots[0];
    if (!root) return skipOf(found, page, "Its export holds no layer.");
    const hash = frameHash(root);
    if (previous && previous.hash === hash)
      return { doc: { ...previous, name: named(frame.name), page: named(page.name), pageId: page.id }, reused: true };
    return { doc: fitDoc(frameDoc(root, page.name, context, hash), page.id), reused: false };
  } catch (error) {
    return skipOf(found, page, `Its structure could not be read: ${errorText(error)}`);
  }
}
