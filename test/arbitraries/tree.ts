/**
 * Random Figma REST node trees: a root FRAME with nested FRAME / GROUP / COMPONENT / INSTANCE /
 * BOOLEAN_OPERATION containers and RECTANGLE / ELLIPSE / LINE / VECTOR / STAR / REGULAR_POLYGON / TEXT leaves.
 *
 * The arbitrary generates a shape-only spec (kinds, fractions, styles); `buildDesign` then lays it out
 * deterministically: ids (`S:N`, instance layers `I<instance>;<inner>`), absoluteBoundingBox values
 * consistent with the parent's (children inside or partly outside, rotated boxes as their axis-aligned
 * bounds), instances expanded from component templates with text and visibility overrides, and the reply
 * wrapped as a bare node, a plugin export, a `nodes` reply or a `file` reply.
 */
import fc from "fast-check";
import { blendMode, effects, geometry, paint, paints, strokeFields, textPaints } from "./paints.js";
import { fontFamily, layerName, textChars } from "./strings.js";

type Raw = Record<string, unknown>;

/** Position and size as fractions of the parent's box; rotation in radians (Figma: counter-clockwise). */
export interface Geo {
  fx: number;
  fy: number;
  fw: number;
  fh: number;
  rotation: number | null;
  /** Also write `size` and `relativeTransform` (present with geometry=paths and in newer exports). */
  withSize: boolean;
  /** Add Figma's float noise (e.g. 12.000000953674316) to the box. */
  noise: boolean;
}

export interface TextSpec {
  characters: string;
  style: Raw;
  fills: Raw[];
  /** characterStyleOverrides as runs of [override key, length]. */
  runs: [number, number][];
  table: Raw;
  /** Reference a shared text style from the reply's `styles`. */
  sharedStyle: string | null;
  /** Name the layer after its characters, as Figma does for new text layers. */
  nameIsChars: boolean;
}

export interface InstanceSpec {
  template: number;
  /** Per text layer of the template (in tree order): new characters, or null to keep the template's. */
  texts: (string | null)[];
  /** Per layer of the template (in tree order): true hides it in this instance. */
  hide: boolean[];
  /** Give this instance's root another fill (a variant that cannot share the component file). */
  variantFill: Raw | null;
  /** Keep the component's name as the instance's name (what Figma does). */
  componentName: boolean;
}

export interface Spec {
  kind: "container" | "leaf" | "text" | "instance" | "boolean";
  type: string;
  name: string;
  geo: Geo;
  style: Raw;
  /** Auto layout fields (containers). */
  layout: Raw | null;
  /** Fields read when the parent has auto layout. */
  flow: Raw;
  text: TextSpec | null;
  vector: Raw | null;
  instance: InstanceSpec | null;
  children: Spec[];
}

export interface TreeSpec {
  root: Spec;
  rootBox: { x: number; y: number; w: number; h: number };
  rootVisible: boolean;
  templates: Spec[];
  templateNames: string[];
  /** Put each template's main COMPONENT into the tree as well. */
  placeMains: boolean[];
  /** Component-set name per template (variants are named `Set/Variant`). */
  componentSets: (string | null)[];
  wrapper: "bare" | "export" | "nodes" | "file";
  session: number;
  /** Convert only one node (by index into the built tree's ids) instead of the whole reply. */
  select: number | null;
  /** Names of more top-level frames (copies of the first with other ids), for `nodes` and `file` replies. */
  extraFrames: string[];
}

export interface Design {
  /** The REST reply, ready for `loadDesign`. */
  reply: Raw;
  /** Ids for `loadDesign(reply, nodeIds)`: empty for the whole reply. */
  nodeIds: string[];
  nodeCount: number;
}

/** `arb` about once in `every` draws, else `null`. (fc.option's `freq` is the other way round: 1 in freq is nil.) */
function sometimes<T>(arb: fc.Arbitrary<T>, every: number): fc.Arbitrary<T | null> {
  return fc.oneof({ weight: every - 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: arb });
}

const num = (min: number, max: number): fc.Arbitrary<number> =>
  fc.double({ min, max, noNaN: true, noDefaultInfinity: true });

const geo: fc.Arbitrary<Geo> = fc.record({
  fx: fc.oneof(fc.constantFrom(0, 0.5, 1), num(-0.3, 1.1)),
  fy: fc.oneof(fc.constantFrom(0, 0.5, 1), num(-0.3, 1.1)),
  fw: fc.oneof(fc.constantFrom(0, 0.25, 0.5, 1), num(0, 1.3)),
  fh: fc.oneof(fc.constantFrom(0, 0.25, 0.5, 1), num(0, 1.3)),
  rotation: sometimes(
    fc.oneof(
      fc.constantFrom(Math.PI / 2, -Math.PI / 2, Math.PI, Math.PI / 4, -Math.PI / 4, 0, 1e-9),
      num(-Math.PI, Math.PI),
    ),
    5,
  ),
  withSize: fc.boolean(),
  noise: fc.boolean(),
});

const small = fc.oneof(fc.constantFrom(0, 4, 8, 16), num(0, 48));

const baseStyle: fc.Arbitrary<Raw> = fc.record(
  {
    fills: paints,
    effects,
    cornerRadius: small,
    rectangleCornerRadii: fc.tuple(small, small, small, small),
    opacity: fc.oneof(fc.constantFrom(0, 0.5, 1), num(0, 1)),
    blendMode,
    visible: fc.constantFrom(true, true, false),
    isMask: fc.constant(true),
    maskType: fc.constantFrom("ALPHA", "VECTOR", "LUMINANCE"),
    clipsContent: fc.boolean(),
    constraints: fc.record({
      horizontal: fc.constantFrom("LEFT", "RIGHT", "CENTER", "LEFT_RIGHT", "SCALE"),
      vertical: fc.constantFrom("TOP", "BOTTOM", "CENTER", "TOP_BOTTOM", "SCALE"),
    }),
    minWidth: small,
    maxWidth: fc.oneof(small, fc.constant(1e7)),
    minHeight: small,
    maxHeight: small,
  },
  { requiredKeys: [] },
);

const style: fc.Arbitrary<Raw> = fc
  .tuple(baseStyle, fc.option(strokeFields, { freq: 2, nil: null }), fc.integer({ min: 0, max: 9 }))
  // Most layers are visible and unmasked; keep the rarer fields rare.
  .map(([base, stroke, dice]) => {
    const out: Raw = { ...base, ...(stroke ?? {}) };
    if (dice > 0 && out["isMask"] === true) delete out["isMask"];
    if (dice > 1 && out["visible"] === false) delete out["visible"];
    return out;
  });

const layout: fc.Arbitrary<Raw | null> = fc.option(
  fc.record(
    {
      layoutMode: fc.constantFrom("HORIZONTAL", "VERTICAL", "NONE", "GRID"),
      // Figma's grid auto layout: counts, gaps and the CSS track strings REST writes, odd ones among them.
      gridColumnCount: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constantFrom(0, -1, 2.5, 1e6)),
      gridRowCount: fc.oneof(fc.integer({ min: 1, max: 4 }), fc.constantFrom(0, Number.NaN)),
      gridColumnGap: small,
      gridRowGap: small,
      gridColumnsSizing: fc.constantFrom(
        "repeat(3, minmax(0, 1fr))",
        "160px minmax(0,1fr)",
        "  fit-content(100%) fit-content(100%)",
        "1fr 2fr auto",
        "repeat(auto-fill, 100px)",
        "",
        "nonsense(",
      ),
      gridRowsSizing: fc.constantFrom("120px 1fr", "minmax(0,1fr)", "auto auto auto", "", "96px"),
      itemSpacing: small,
      paddingLeft: small,
      paddingRight: small,
      paddingTop: small,
      paddingBottom: small,
      primaryAxisAlignItems: fc.constantFrom("MIN", "CENTER", "MAX", "SPACE_BETWEEN"),
      counterAxisAlignItems: fc.constantFrom("MIN", "CENTER", "MAX", "BASELINE"),
      layoutWrap: fc.constantFrom("NO_WRAP", "WRAP"),
      counterAxisSpacing: small,
      primaryAxisSizingMode: fc.constantFrom("FIXED", "AUTO"),
      counterAxisSizingMode: fc.constantFrom("FIXED", "AUTO"),
      layoutSizingHorizontal: fc.constantFrom("FIXED", "HUG", "FILL"),
      layoutSizingVertical: fc.constantFrom("FIXED", "HUG", "FILL"),
    },
    { requiredKeys: ["layoutMode"] },
  ),
  { freq: 2, nil: null },
);

const flow: fc.Arbitrary<Raw> = fc.record(
  {
    layoutSizingHorizontal: fc.constantFrom("FIXED", "HUG", "FILL"),
    layoutSizingVertical: fc.constantFrom("FIXED", "HUG", "FILL"),
    layoutGrow: fc.constantFrom(0, 1),
    layoutAlign: fc.constantFrom("INHERIT", "STRETCH", "MIN"),
    layoutPositioning: fc.constantFrom("AUTO", "AUTO", "ABSOLUTE"),
    gridRowAnchorIndex: fc.oneof(fc.integer({ min: 0, max: 4 }), fc.constantFrom(-1, 99)),
    gridColumnAnchorIndex: fc.oneof(fc.integer({ min: 0, max: 5 }), fc.constantFrom(-1, 1.5)),
    gridRowSpan: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.constantFrom(0, 50)),
    gridColumnSpan: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.constantFrom(0, 50)),
    gridChildHorizontalAlign: fc.constantFrom("AUTO", "MIN", "CENTER", "MAX"),
    gridChildVerticalAlign: fc.constantFrom("AUTO", "MIN", "CENTER", "MAX"),
  },
  { requiredKeys: [] },
);

const typeStyle: fc.Arbitrary<Raw> = fc.record(
  {
    fontFamily,
    fontSize: fc.oneof(fc.constantFrom(12, 14, 16, 24, 32, 48), num(1, 96)),
    fontWeight: fc.constantFrom(100, 300, 400, 500, 600, 700, 900),
    italic: fc.boolean(),
    lineHeightPx: num(0, 120),
    lineHeightUnit: fc.constantFrom("PIXELS", "FONT_SIZE_%", "INTRINSIC_%"),
    letterSpacing: fc.oneof(fc.constant(0), num(-2, 4)),
    textCase: fc.constantFrom("ORIGINAL", "UPPER", "LOWER", "TITLE", "SMALL_CAPS", "SMALL_CAPS_FORCED"),
    textDecoration: fc.constantFrom("NONE", "UNDERLINE", "STRIKETHROUGH"),
    textAlignHorizontal: fc.constantFrom("LEFT", "CENTER", "RIGHT", "JUSTIFIED"),
    textAlignVertical: fc.constantFrom("TOP", "CENTER", "BOTTOM"),
    textAutoResize: fc.constantFrom("NONE", "HEIGHT", "WIDTH_AND_HEIGHT", "TRUNCATE"),
    textTruncation: fc.constantFrom("DISABLED", "ENDING"),
    maxLines: fc.integer({ min: 0, max: 4 }),
    paragraphSpacing: fc.oneof(fc.constant(0), num(0, 24)),
  },
  { requiredKeys: [] },
);

const overrideEntry: fc.Arbitrary<Raw> = fc
  .tuple(typeStyle, fc.option(textPaints, { freq: 2, nil: null }))
  .map(([s, fills]) => (fills ? { ...s, fills } : s));

const text: fc.Arbitrary<TextSpec> = fc.record({
  characters: textChars,
  style: typeStyle,
  fills: textPaints,
  runs: fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 8 })), { maxLength: 5 }),
  table: fc.record({ "1": overrideEntry, "2": overrideEntry, "3": overrideEntry }, { requiredKeys: [] }),
  sharedStyle: sometimes(fc.constantFrom("S:1", "S:2", "S:missing"), 3),
  nameIsChars: fc.boolean(),
});

const vector: fc.Arbitrary<Raw | null> = fc.option(
  fc.record({ fillGeometry: geometry, strokeGeometry: geometry }, { requiredKeys: [] }),
  { freq: 2, nil: null },
);

const instance: fc.Arbitrary<InstanceSpec> = fc.record({
  template: fc.nat({ max: 5 }),
  texts: fc.array(fc.option(textChars, { freq: 2, nil: null }), { maxLength: 4 }),
  hide: fc.array(fc.boolean(), { maxLength: 6 }),
  variantFill: sometimes(paint, 5),
  componentName: fc.boolean(),
});

const LEAF_TYPES = ["RECTANGLE", "RECTANGLE", "ELLIPSE", "LINE", "VECTOR", "VECTOR", "STAR", "REGULAR_POLYGON"];
const CONTAINER_TYPES = ["FRAME", "FRAME", "FRAME", "GROUP", "COMPONENT"];

function nodeArbitrary(maxDepth: number, maxChildren: number): fc.Arbitrary<Spec> {
  const common = { name: layerName, geo, style, flow };
  const { node } = fc.letrec<{ node: Spec; container: Spec; boolean: Spec; leaf: Spec; text: Spec; instance: Spec }>(
    (tie) => ({
      node: fc.oneof(
        { maxDepth, depthSize: "small" },
        { weight: 3, arbitrary: tie("leaf") },
        { weight: 3, arbitrary: tie("text") },
        { weight: 3, arbitrary: tie("container") },
        { weight: 2, arbitrary: tie("instance") },
        { weight: 1, arbitrary: tie("boolean") },
      ),
      leaf: fc
        .record({ ...common, type: fc.constantFrom(...LEAF_TYPES), vector })
        .map((r): Spec => ({ kind: "leaf", layout: null, text: null, instance: null, children: [], ...r })),
      text: fc
        .record({ ...common, text })
        .map(
          (r): Spec => ({ kind: "text", type: "TEXT", layout: null, vector: null, instance: null, children: [], ...r }),
        ),
      container: fc
        .record({
          ...common,
          type: fc.constantFrom(...CONTAINER_TYPES),
          layout,
          children: fc.array(tie("node"), { maxLength: maxChildren }),
        })
        .map(
          (r): Spec => ({
            kind: "container",
            text: null,
            vector: null,
            instance: null,
            ...r,
            layout: r.type === "GROUP" ? null : r.layout,
          }),
        ),
      instance: fc
        .record({ ...common, instance, layout, children: fc.array(tie("node"), { maxLength: 2 }) })
        .map((r): Spec => ({ kind: "instance", type: "INSTANCE", text: null, vector: null, ...r })),
      boolean: fc
        .record({ ...common, vector, children: fc.array(tie("leaf"), { minLength: 1, maxLength: 3 }) })
        .map(
          (r): Spec => ({ kind: "boolean", type: "BOOLEAN_OPERATION", layout: null, text: null, instance: null, ...r }),
        ),
    }),
  );
  return node;
}

/** The spec of a random design; `buildDesign` turns it into REST JSON. */
export const treeSpec: fc.Arbitrary<TreeSpec> = fc.record({
  root: fc
    .record({
      name: layerName,
      style,
      layout,
      children: fc.array(nodeArbitrary(3, 4), { minLength: 1, maxLength: 5 }),
      text: fc.constant(null),
    })
    .map(
      (r): Spec => ({
        kind: "container",
        type: "FRAME",
        geo: { fx: 0, fy: 0, fw: 1, fh: 1, rotation: null, withSize: false, noise: false },
        flow: {},
        vector: null,
        instance: null,
        ...r,
        style: { ...r.style, visible: true },
      }),
    ),
  rootBox: fc.record({
    x: fc.oneof(fc.constant(0), num(-5000, 5000)),
    y: fc.oneof(fc.constant(0), num(-5000, 5000)),
    w: fc.oneof(fc.constantFrom(375, 1440, 0, 1), num(0, 2000)),
    h: fc.oneof(fc.constantFrom(667, 812, 0, 1), num(0, 2000)),
  }),
  rootVisible: fc.oneof({ weight: 15, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  templates: fc.array(
    nodeArbitrary(2, 3).map(
      (spec): Spec =>
        spec.kind === "container" || spec.kind === "instance"
          ? spec
          : {
              ...spec,
              kind: "container",
              type: "COMPONENT",
              layout: null,
              text: null,
              vector: null,
              instance: null,
              children: [spec],
            },
    ),
    { maxLength: 3 },
  ),
  templateNames: fc.array(layerName, { minLength: 3, maxLength: 3 }),
  placeMains: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
  componentSets: fc.array(fc.option(layerName, { nil: null }), { minLength: 3, maxLength: 3 }),
  wrapper: fc.constantFrom("bare", "export", "nodes", "file"),
  session: fc.constantFrom(1, 2, 12, 345),
  select: sometimes(fc.nat({ max: 40 }), 8),
  extraFrames: fc.oneof(
    { weight: 3, arbitrary: fc.constant<string[]>([]) },
    { weight: 1, arbitrary: fc.array(layerName, { minLength: 1, maxLength: 2 }) },
  ),
});

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

const NOISE = 0.000000953674316;

/** Figma's axis-aligned bounds of a w×h box rotated by `rotation` radians about its centre. */
function bounds(box: Box, rotation: number | null): Raw {
  if (!rotation) return { x: box.x, y: box.y, width: box.w, height: box.h };
  const c = Math.abs(Math.cos(rotation));
  const s = Math.abs(Math.sin(rotation));
  const w = box.w * c + box.h * s;
  const h = box.w * s + box.h * c;
  return { x: box.x + box.w / 2 - w / 2, y: box.y + box.h / 2 - h / 2, width: w, height: h };
}

function childBox(parent: Box, g: Geo): Box {
  const n = g.noise ? NOISE : 0;
  return {
    x: parent.x + g.fx * parent.w + n,
    y: parent.y + g.fy * parent.h - n,
    w: Math.max(0, g.fw * parent.w + n),
    h: Math.max(0, g.fh * parent.h),
  };
}

/** Lays a spec out as REST JSON. Deterministic, so a failing spec always rebuilds the same tree. */
class Builder {
  private next = 1;
  readonly ids: string[] = [];
  constructor(
    private readonly spec: TreeSpec,
    private readonly templateCount: number,
  ) {}

  fresh(): string {
    return `${this.spec.session}:${this.next++}`;
  }

  componentId(template: number): string {
    return `${900 + template}:1`;
  }

  /** Common fields of a node at `box`. */
  private base(spec: Spec, id: string, name: string, box: Box, parentLayout: boolean): Raw {
    const node: Raw = { id, name, type: spec.type, ...spec.style };
    if (spec.type === "GROUP") delete node["clipsContent"];
    node["absoluteBoundingBox"] = bounds(box, spec.geo.rotation);
    if (spec.geo.rotation !== null) node["rotation"] = spec.geo.rotation;
    if (spec.geo.withSize) {
      const r = spec.geo.rotation ?? 0;
      node["size"] = { x: box.w, y: box.h };
      node["relativeTransform"] = [
        [Math.cos(r), Math.sin(r), box.x],
        [-Math.sin(r), Math.cos(r), box.y],
      ];
    }
    if (spec.layout) Object.assign(node, spec.layout);
    if (parentLayout) Object.assign(node, spec.flow);
    if (spec.vector) Object.assign(node, spec.vector);
    if (spec.kind === "boolean") node["booleanOperation"] = "UNION";
    if (spec.text) Object.assign(node, textFields(spec.text));
    this.ids.push(id);
    return node;
  }

  /** A node outside any instance (or an instance's own extra children when it has no template). */
  build(spec: Spec, parent: Box, parentLayout: boolean, idFor: () => string): Raw {
    if (spec.kind === "instance" && this.templateCount > 0) {
      const template = spec.instance!.template % this.templateCount;
      return this.instance(spec, template, idFor(), parent, parentLayout);
    }
    const id = idFor();
    const box = childBox(parent, spec.geo);
    const node = this.base(spec, id, layerNameOf(spec), box, parentLayout);
    if (spec.kind === "instance") {
      // No template: an instance of a main component the reply does not describe.
      node["componentId"] = "999:1";
      const prefix = `I${id.replace(/^I/, "")};`;
      node["children"] = spec.children.map((c) => this.build(c, box, isAutoLayout(spec), () => prefix + this.fresh()));
    } else if (spec.children.length > 0 || spec.kind === "container") {
      node["children"] = spec.children.map((c) => this.build(c, box, isAutoLayout(spec), idFor));
    }
    return node;
  }

  /** An INSTANCE of template `index` with id `id`: its layers are `I<id>;<inner id>`. */
  instance(spec: Spec, index: number, id: string, parent: Box, parentLayout: boolean): Raw {
    const inst = spec.instance!;
    const template = this.spec.templates[index]!;
    const box = childBox(parent, spec.geo);
    const name = inst.componentName ? this.templateName(index) : spec.name;
    const rootSpec: Spec = {
      ...template,
      type: "INSTANCE",
      geo: spec.geo,
      flow: spec.flow,
      style: { ...template.style, ...pick(spec.style, ["visible", "constraints", "opacity"]) },
    };
    const node = this.base(rootSpec, id, name, box, parentLayout);
    if (inst.variantFill) node["fills"] = [inst.variantFill];
    node["componentId"] = this.componentId(index);
    const counters = { text: 0, layer: 0 };
    const prefix = `I${id.replace(/^I/, "")};`;
    node["children"] = template.children.map((c, i) =>
      this.inner(c, index, [i], prefix, box, isAutoLayout(template), inst, counters),
    );
    return node;
  }

  /** A layer of template `index` inside an instance: id = prefix + the layer's id in the main component. */
  private inner(
    spec: Spec,
    index: number,
    path: number[],
    prefix: string,
    parent: Box,
    parentLayout: boolean,
    inst: InstanceSpec,
    counters: { text: number; layer: number },
  ): Raw {
    const innerId = `${900 + index}:${2 + path.reduce((a, b) => a * 7 + b, 0) + path.length * 1000}`;
    const id = prefix + innerId;
    if (spec.kind === "instance" && index > 0) {
      // A nested instance of an earlier template: its layers carry both instance ids.
      return this.instance(spec, spec.instance!.template % index, id, parent, parentLayout);
    }
    const box = childBox(parent, spec.geo);
    let own = spec;
    if (spec.text) {
      const override = inst.texts[counters.text++];
      if (override !== undefined && override !== null) own = { ...spec, text: { ...spec.text, characters: override } };
    }
    if (inst.hide[counters.layer++] === true) own = { ...own, style: { ...own.style, visible: false } };
    const node = this.base(own, id, layerNameOf(spec), box, parentLayout);
    if (spec.kind === "instance") node["componentId"] = "999:1";
    if (spec.children.length > 0 || spec.kind === "container") {
      node["children"] = spec.children.map((c, i) =>
        this.inner(c, index, [...path, i], prefix, box, isAutoLayout(spec), inst, counters),
      );
    }
    return node;
  }

  /** The main COMPONENT of template `index`, with the inner ids its instances refer to. */
  main(index: number, parent: Box): Raw {
    const template = this.spec.templates[index]!;
    const box = childBox(parent, template.geo);
    const id = this.componentId(index);
    const node = this.base({ ...template, type: "COMPONENT" }, id, this.templateName(index), box, false);
    const counters = { text: 0, layer: 0 };
    const none: InstanceSpec = { template: index, texts: [], hide: [], variantFill: null, componentName: true };
    node["children"] = template.children.map((c, i) => {
      const child = this.inner(c, index, [i], "", box, isAutoLayout(template), none, counters);
      return child;
    });
    return node;
  }

  templateName(index: number): string {
    return this.spec.templateNames[index] ?? `Component ${index}`;
  }
}

function isAutoLayout(spec: Spec): boolean {
  const mode = spec.layout?.["layoutMode"];
  return mode === "HORIZONTAL" || mode === "VERTICAL" || mode === "GRID";
}

function layerNameOf(spec: Spec): string {
  return spec.text?.nameIsChars ? spec.text.characters : spec.name;
}

function pick(raw: Raw, keys: string[]): Raw {
  return Object.fromEntries(keys.filter((k) => k in raw).map((k) => [k, raw[k]]));
}

function textFields(t: TextSpec): Raw {
  const out: Raw = { characters: t.characters, style: t.style, fills: t.fills };
  if (t.runs.length > 0) {
    out["characterStyleOverrides"] = t.runs.flatMap(([key, length]) => Array.from({ length }, () => key));
    out["styleOverrideTable"] = t.table;
  }
  if (t.sharedStyle) out["styles"] = { text: t.sharedStyle };
  return out;
}

/** A deep copy with session `from` replaced by `to` in every id (`S:N`, `I S:N;…`). */
function renumber(node: Raw, from: number, to: number): Raw {
  const id = String(node["id"]).replace(new RegExp(`(^|[I;])${from}:`, "g"), `$1${to}:`);
  const children = node["children"];
  return {
    ...node,
    id,
    ...(Array.isArray(children) ? { children: (children as Raw[]).map((c) => renumber(c, from, to)) } : {}),
  };
}

/** Keeps the first `limit` nodes in breadth-first order; drops the rest. Returns the count kept. */
function prune(root: Raw, limit: number): number {
  let kept = 1;
  const queue: Raw[] = [root];
  while (queue.length > 0) {
    const node = queue.shift()!;
    const children = node["children"];
    if (!Array.isArray(children)) continue;
    const keep: Raw[] = [];
    for (const child of children as Raw[]) {
      if (kept >= limit) break;
      kept++;
      keep.push(child);
      queue.push(child);
    }
    node["children"] = keep;
  }
  return kept;
}

function collectIds(node: Raw, out: string[]): void {
  out.push(String(node["id"]));
  for (const child of (node["children"] as Raw[] | undefined) ?? []) collectIds(child, out);
}

export const MAX_NODES = 30;

/** Turns a spec into a REST reply. */
export function buildDesign(spec: TreeSpec): Design {
  const templateCount = Math.min(spec.templates.length, 3);
  const b = new Builder(spec, templateCount);
  const rootBox: Box = { x: spec.rootBox.x, y: spec.rootBox.y, w: spec.rootBox.w, h: spec.rootBox.h };
  const rootId = b.fresh();
  const root: Raw = {
    id: rootId,
    name: spec.root.name,
    type: "FRAME",
    ...spec.root.style,
    absoluteBoundingBox: bounds(rootBox, null),
  };
  if (spec.root.layout) Object.assign(root, spec.root.layout);
  if (!spec.rootVisible) root["visible"] = false;
  const autoLayout = isAutoLayout(spec.root);
  const children = spec.root.children.map((c) => b.build(c, rootBox, autoLayout, () => b.fresh()));
  for (let i = 0; i < templateCount; i++) if (spec.placeMains[i]) children.push(b.main(i, rootBox));
  root["children"] = children;
  const extras = spec.wrapper === "nodes" || spec.wrapper === "file" ? spec.extraFrames : [];
  const nodeCount = prune(root, Math.floor(MAX_NODES / (1 + extras.length)));
  // Other frames: the same layers under other ids (instances keep their components, so they share files).
  const frames: Raw[] = [
    root,
    ...extras.map((name, k): Raw => ({ ...renumber(root, spec.session, spec.session + 1000 * (k + 1)), name })),
  ];

  const components: Raw = {};
  const componentSets: Raw = {};
  for (let i = 0; i < templateCount; i++) {
    const set = spec.componentSets[i];
    components[b.componentId(i)] = {
      key: `k${i}`,
      name: b.templateName(i),
      description: "",
      ...(set !== null && set !== undefined ? { componentSetId: `800:${i}` } : {}),
    };
    if (set !== null && set !== undefined) componentSets[`800:${i}`] = { key: `s${i}`, name: set };
  }
  const styles: Raw = {
    "S:1": { key: "t1", name: "Heading/H1", styleType: "TEXT" },
    "S:2": { key: "t2", name: 'Body <small> "text"', styleType: "TEXT" },
  };
  const meta = { components, componentSets, styles };
  let reply: Raw;
  switch (spec.wrapper) {
    case "bare":
      reply = root;
      break;
    case "export":
      reply = { document: root, ...meta };
      break;
    case "nodes":
      reply = {
        name: "file",
        nodes: Object.fromEntries(frames.map((f) => [String(f["id"]), { document: f, ...meta }])),
      };
      break;
    case "file":
      reply = {
        name: "file",
        document: {
          id: "0:0",
          name: "Document",
          type: "DOCUMENT",
          children: [{ id: "0:1", name: "Page 1", type: "CANVAS", children: frames }],
        },
        ...meta,
      };
      break;
  }
  const ids: string[] = [];
  collectIds(root, ids);
  const nodeIds = spec.select !== null ? [ids[spec.select % ids.length]!] : [];
  return { reply, nodeIds, nodeCount: nodeCount * frames.length };
}

/** Random designs, built. */
export const design: fc.Arbitrary<Design> = treeSpec.map(buildDesign);
