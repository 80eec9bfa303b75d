/** `figment frames <design.json> [--json]`: the top-level frames by page, with size and node count. */
import { layerBounds } from "../../codegen/design/normalize.js";
import { agree, plural } from "../../kernel/plural.js";
import { countNodes } from "../../codegen/rest/reply.js";
import { topLevelFrames } from "../../codegen/rest/top-frames.js";
import type { CliArgs } from "../common/args.js";
import { readDesign, requireInput, type Output } from "../common/design-files.js";

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
  if (args.json) {
    io.out(JSON.stringify({ frames: rows.map(({ where: _where, skipped: _skipped, ...row }) => row) }, null, 2));
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
