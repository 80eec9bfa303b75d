/**
 * `exportAsync({ format: "SVG_STRING" })` as the simulator plays it: markup shaped like Figma's own export
 * (`<svg width height viewBox fill="none" xmlns>` then one element per visible shape, in the node's own
 * coordinates) built from the node's REST JSON — its `fillGeometry`/`strokeGeometry` paths when the fixture
 * has them (`geometry=paths`), else a rect or ellipse of its size in its first solid fill. Containers draw
 * their visible descendants. Not Figma's renderer: plausible, deterministic markup of the right size.
 */
type Json = Record<string, unknown>;

const isRecord = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const num = (v: unknown, fallback = 0): number => (typeof v === "number" && Number.isFinite(v) ? v : fallback);
const r = (n: number): string => String(Math.round(n * 1000) / 1000);

function box(node: Json): { x: number; y: number; width: number; height: number } {
  const b = isRecord(node["absoluteBoundingBox"]) ? node["absoluteBoundingBox"] : {};
  return { x: num(b["x"]), y: num(b["y"]), width: num(b["width"]), height: num(b["height"]) };
}

const hex = (c: Json): string =>
  "#" +
  [c["r"], c["g"], c["b"]]
    .map((v) =>
      Math.round(Math.min(1, Math.max(0, num(v))) * 255)
        .toString(16)
        .padStart(2, "0"),
    )
    .join("")
    .toUpperCase();

/** ` fill="#RRGGBB"` (and its opacity) of the first visible solid paint, or undefined. */
function paintAttr(paints: unknown, attr: "fill" | "stroke"): string | undefined {
  if (!Array.isArray(paints)) return undefined;
  for (const p of paints) {
    if (!isRecord(p) || p["visible"] === false || p["type"] !== "SOLID" || !isRecord(p["color"])) continue;
    const alpha = num(p["color"]["a"], 1) * num(p["opacity"], 1);
    return ` ${attr}="${hex(p["color"])}"${alpha < 1 ? ` ${attr}-opacity="${r(alpha)}"` : ""}`;
  }
  return undefined;
}

function geometry(raw: unknown): { d: string; rule: string }[] {
  if (!Array.isArray(raw)) return [];
  return raw
    .filter((g): g is Json => isRecord(g) && typeof g["path"] === "string" && g["path"] !== "")
    .map((g) => ({ d: String(g["path"]), rule: g["windingRule"] === "EVENODD" ? "evenodd" : "nonzero" }));
}

/** One leaf's elements, translated to (dx, dy) in the exported node's coordinates. */
function leaf(node: Json, dx: number, dy: number): string[] {
  const { width, height } = box(node);
  const fill = paintAttr(node["fills"], "fill");
  const stroke = paintAttr(node["strokes"], "stroke");
  const move = dx !== 0 || dy !== 0 ? ` transform="translate(${r(dx)} ${r(dy)})"` : "";
  const paths = [
    ...geometry(node["fillGeometry"]).map((g) => ({ ...g, paint: fill })),
    ...geometry(node["strokeGeometry"]).map((g) => ({ ...g, paint: stroke?.replace(" stroke", " fill") })),
  ];
  if (paths.length > 0)
    return paths
      .filter((p) => p.paint)
      .map((p) => `<path${move} fill-rule="${p.rule}" clip-rule="${p.rule}" d="${p.d}"${p.paint}/>`);
  if (!fill && !stroke) return [];
  const weight = stroke ? ` stroke-width="${r(num(node["strokeWeight"], 1))}"` : "";
  const paint = `${fill ?? ""}${stroke ?? ""}${weight}`;
  if (node["type"] === "ELLIPSE")
    return [
      `<ellipse${move} cx="${r(width / 2)}" cy="${r(height / 2)}" rx="${r(width / 2)}" ry="${r(height / 2)}"${paint}/>`,
    ];
  const radius = num(node["cornerRadius"]) > 0 ? ` rx="${r(num(node["cornerRadius"]))}"` : "";
  return [`<rect${move} width="${r(width)}" height="${r(height)}"${radius}${paint}/>`];
}

/** The SVG Figma would export for `node` (its REST JSON), sized to its bounding box. */
export function simSvg(node: Json): string {
  const origin = box(node);
  const parts: string[] = [];
  const visit = (n: Json, isRoot: boolean): void => {
    if (!isRoot && n["visible"] === false) return;
    const b = box(n);
    const children = Array.isArray(n["children"]) ? n["children"].filter(isRecord) : [];
    // A boolean operation is drawn by its own geometry; its operands are not layers of the picture.
    if (children.length === 0 || n["type"] === "BOOLEAN_OPERATION")
      parts.push(...leaf(n, b.x - origin.x, b.y - origin.y));
    else {
      // A container's own background first, then its children in order (later ones on top).
      parts.push(...leaf({ ...n, strokes: [] }, b.x - origin.x, b.y - origin.y));
      for (const child of children) visit(child, false);
    }
  };
  visit(node, true);
  const w = r(Math.max(origin.width, 0.01));
  const h = r(Math.max(origin.height, 0.01));
  return (
    `<svg width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" fill="none" xmlns="http://www.w3.org/2000/svg">\n` +
    `${parts.join("\n")}${parts.length ? "\n" : ""}</svg>\n`
  );
}
