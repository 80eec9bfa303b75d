/**
 * `figment frames <design.json> [--json]`: the top-level frames by page, with size and node count, and the frames
 * that draw one page at several widths (codegen/design/page-groups.ts), which `figment code` makes one page each.
 */
import { layerBounds } from "../../codegen/design/normalize.js";
import { findPageGroups, pageGroupLine, type PageGroup } from "../../codegen/design/page-groups.js";
import { loadDesign } from "../../codegen/load.js";
import { isFigmentError } from "../../kernel/errors.js";
import { agree, plural } from "../../kernel/plural.js";
import { countNodes } from "../../codegen/rest/reply.js";
import { topLevelFrames } from "../../codegen/rest/top-frames.js";
import type { CliArgs } from "../common/args.js";
import { readDesign, requireInput, WHOLE_FILE, type Output } from "../common/design-files.js";

/** The groups `figment code` finds in the whole file; none when it would convert nothing. */
function pageGroups(json: unknown): PageGroup[] {
  try {
    return findPageGroups(loadDesign(json, [], {}, WHOLE_FILE).document.frames);
  } catch (error) {
    if (isFigmentError(error, "input")) return [];
    throw error;
  }
}

export async function framesCommand(args: CliArgs, io: Output): Promise<number> {
  const json = await readDesign(requireInput(args), io);
  const frames = topLevelFrames(json);
  // A frame without a box (none, or not numbers) has no size to list: null in --json, "?×?" and a note in the table.
  const rows = frames.map(({ node, page, sections, converted }) => {
    const box = layerBounds(node);
    const where = [page, ...sections].filter(Boolean).join(" › ");
    const skipped =
      node["visible"] === false
        ? "hidden"
        : !(node.children ?? []).some((c) => c["visible"] !== false)
          ? "without visible layers"
          : undefined;
    return {
      id: node.id,
      name: node.name,
      type: node.type,
      page,
      sections,
      where,
      converted,
      width: box ? Math.round(box.width) : null,
      height: box ? Math.round(box.height) : null,
      nodes: countNodes(node),
      skipped,
    };
  });
  const groups = rows.length > 0 ? pageGroups(json) : [];
  if (args.json) {
    const listed = rows.map(({ where: _where, skipped: _skipped, ...row }) => row);
    io.out(JSON.stringify({ frames: listed, groups }, null, 2));
    return rows.length === 0 ? 1 : 0;
  }
  if (rows.length === 0) {
    io.err("no top-level frames (frames, components, sections) in the design");
    return 1;
  }
  const short = (name: string): string => (name.length > 60 ? `${name.slice(0, 59)}…` : name).replace(/\s+/g, " ");
  // The page column only when the reply has pages: a nodes or export reply carries none.
  const paged = rows.some((r) => r.where !== "");
  for (const r of rows)
    io.out(
      [
        r.id,
        ...(paged ? [short(r.where) || "-"] : []),
        short(r.name),
        r.type,
        `${r.width ?? "?"}×${r.height ?? "?"}`,
        plural(r.nodes, "node"),
      ].join("\t"),
    );
  // Each page drawn at several widths, after a blank line: its line, then its frames widest first.
  if (groups.length > 0) io.out("");
  for (const group of groups) {
    io.out(`${pageGroupLine(group)} (by ${group.by})`);
    for (const f of group.frames) io.out(`  ${f.label} ${f.width}\t${f.id}\t${short(f.name)}`);
  }
  if (groups.length > 0)
    io.err(
      `figment: note: figment code makes each group one responsive page (--no-breakpoints keeps every frame its own)`,
    );
  const unbounded = rows.filter((r) => r.width === null).length;
  if (unbounded > 0)
    io.err(
      `figment: note: ${plural(unbounded, "frame")} ${agree(unbounded, "has", "have")} ` +
        `no bounds (listed as ?×?): figment code skips ${agree(unbounded, "it", "them")}`,
    );
  // What figment code will skip besides, said here so the two counts agree.
  const skipped = ["hidden", "without visible layers"].flatMap((why) => {
    const these = rows.filter((r) => r.converted && r.width !== null && r.skipped === why);
    return these.length === 0
      ? []
      : [
          `${these.length} ${why} (${these
            .slice(0, 3)
            .map((r) => short(r.name))
            .join(", ")}${these.length > 3 ? ", …" : ""})`,
        ];
  });
  if (skipped.length > 0) io.err(`figment: note: figment code skips ${skipped.join(" and ")}`);
  return 0;
}
