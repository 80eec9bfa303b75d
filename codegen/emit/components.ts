/**
 * Which instances become component files (React). Instances of one main component that match up to
 * their texts and the visibility of their layers share a file; the texts and visibilities become typed
 * props. An instance that differs in anything else is drawn inline, so the output never lies about it.
 */
import type { Asset, DesignDocument, DesignNode } from "../design/types.js";
import { allDrawings } from "../design/drawings.js";
import type { Problem } from "../types.js";
import type { ComponentUsage } from "./build.js";
import { camelCase, layerLabel, NameScope, pascalCase, unspelledNameNotes } from "./names.js";
import { jsString } from "./markup.js";
import { drawnSpaces } from "./whitespace.js";
import { designNode } from "../design/node.js";
import { sameJson } from "./same-json.js";

export interface PropDef {
  name: string;
  kind: "text" | "visible";
  /** Layer key (id inside the instance) the prop controls. */
  layer: string;
  defaultValue: string | boolean;
  /** A text that breaks lines (its default or an instance's): drawn with its line breaks kept. */
  lines?: true;
}

export interface ComponentDef {
  name: string;
  /** The instance whose tree draws the component. */
  canonical: DesignNode;
  props: PropDef[];
  instances: DesignNode[];
  /** Its instances lie in a box that scales as a unit, this wide: its lengths are in that box's container units. */
  unitWidth?: number;
}

/** A prop as code: its name, its TypeScript type and its default (a literal). */
export type PropRow = readonly [name: string, type: string, value: string];

/**
 * A component's props as code, for the targets that declare them one by one (Vue, Svelte, React Native): the layer id
 * it is placed with, under `idProp` (with --node-ids), then the design's props (a text's is a string, a visibility's a
 * boolean), each with its default.
 */
export function propRows(def: ComponentDef, idProp: string | undefined): PropRow[] {
  return [
    ...(idProp ? [[idProp, "string", jsString(def.canonical.id)] as const] : []),
    ...def.props.map(
      (p) =>
        [
          p.name,
          p.kind === "text" ? "string" : "boolean",
          typeof p.defaultValue === "string" ? jsString(p.defaultValue) : String(p.defaultValue),
        ] as const,
    ),
  ];
}

export interface ComponentPlan {
  defs: ComponentDef[];
  usage(node: DesignNode): ComponentUsage | undefined;
  /** For nodes of a canonical tree: the prop that sets their text / visibility. */
  textProp(def: ComponentDef, node: DesignNode): string | undefined;
  /** Whether a text prop's value breaks lines (for one instance at least): the text keeps them (`white-space`). */
  textLines(def: ComponentDef, node: DesignNode): boolean;
  visibleProp(def: ComponentDef, node: DesignNode): string | undefined;
}

/**
 * The id of a layer inside an instance relative to it: Figma names the layers of instance `12:3` `I12:3;<layer>`,
 * `<layer>` being the layer's id in the main component, and those of an instance nested in it `I12:3;<nested>;<layer>`
 * (the nested instance's own id is `I12:3;<nested>`). Undefined for an id that does not start so.
 */
export function instanceKey(instanceId: string, id: string): string | undefined {
  const prefix = `I${instanceId.startsWith("I") ? instanceId.slice(1) : instanceId};`;
  return id.startsWith(prefix) ? id.slice(prefix.length) : undefined;
}

/** The id of a layer relative to its instance (`I<instance>;<layer>` → `<layer>`); own id for the root. */
export function layerKey(instance: DesignNode, node: DesignNode): string {
  if (node === instance) return "";
  return instanceKey(instance.id, node.id) ?? node.id;
}

/** Line breaks as Figma draws them (whitespace.ts). */
const LINE_BREAK = /[\n\u2028\u2029]/;

/**
 * A text prop's value: the text as the markup draws it (whitespace.ts: spaces CSS would collapse as no-break
 * spaces), its line breaks kept by the text's `white-space` (PropDef.lines), as `<br />` does for a literal text.
 */
const propText = (chars: string): string => drawnSpaces(chars);

/** Layers of an instance that its own props control: everything not inside a nested instance. */
function ownLayers(instance: DesignNode): DesignNode[] {
  const out: DesignNode[] = [];
  const visit = (node: DesignNode): void => {
    for (const child of node.children ?? []) {
      out.push(child);
      if (child.kind !== "instance") visit(child);
    }
  };
  visit(instance);
  return out;
}

/**
 * An SVG asset's markup without its layer ids, once per asset (instances of one component share theirs), as a
 * number: the same for the same markup, so that sameShape compares drawings without writing them out each time.
 */
type SvgWithoutIds = (asset: string) => number | undefined;

function svgWithoutIds(assets: Record<string, Asset>): SvgWithoutIds {
  const seen = new Map<string, number | undefined>();
  const numbers = new Map<string, number>();
  return (asset) => {
    if (seen.has(asset)) return seen.get(asset);
    const svg = assets[asset];
    const markup = svg?.kind === "svg" ? svg.svg?.replace(/ data-node-id="[^"]*"/g, "") : undefined;
    let number: number | undefined;
    if (markup !== undefined) {
      number = numbers.get(markup) ?? numbers.size;
      numbers.set(markup, number);
    }
    seen.set(asset, number);
    return number;
  };
}

/** A layer's place, compared for every layer but the instance's own. */
const PLACEMENT = ["x", "y", "w", "h", "sizeH", "sizeV", "constraintH", "constraintV", "rotation"] as const;
/** What sameShape leaves out of a layer's own properties, or compares after them. */
const SET_APART = new Set<string>([...PLACEMENT, "id", "absolute", "hidden", "text", "asset", "children"]);

/** A layer's own fields sameShape compares (design/node.ts makes every node in one shape). */
const OWN_FIELDS = Object.keys(designNode("", "", "frame", 0, 0)).filter(
  (name) => !SET_APART.has(name),
) as (keyof DesignNode)[];

/**
 * Whether two instances of one main component draw the same (ids, own texts and visibility excluded) and so may share
 * a file: layer by layer, in step, the same key under their instance, the same own fields, place (all but the
 * instance's own), visibility (of layers inside a nested instance), text (an own plain text's characters excluded: they
 * become props; rich text stays literal) and SVG markup. Each compared as its JSON would be, without writing it: the
 * signatures once written per instance (and hashed as map keys) were the largest part of planning components.
 */
function sameShape(a: DesignNode, b: DesignNode, svgOf: SvgWithoutIds): boolean {
  const same = (x: DesignNode, y: DesignNode, isRoot: boolean, isOwn: boolean): boolean => {
    // The same layers of the main component: a component file derives each instance's layer ids from its own.
    if (!isRoot && instanceKey(a.id, x.id) !== instanceKey(b.id, y.id)) return false;
    for (const name of OWN_FIELDS) if (!sameField(x[name], y[name])) return false;
    if (!isRoot) for (const name of PLACEMENT) if (!sameField(x[name], y[name])) return false;
    if (!isOwn && !sameField(x.hidden, y.hidden)) return false;
    if (!sameText(x.text, y.text, isOwn)) return false;
    if ((x.asset !== undefined ? svgOf(x.asset) : undefined) !== (y.asset !== undefined ? svgOf(y.asset) : undefined))
      return false;
    const xs = x.children ?? [];
    const ys = y.children ?? [];
    if (xs.length !== ys.length) return false;
    // A layer is the instance's own (its props control it) unless it lies inside a nested instance.
    const childOwn = isRoot || (isOwn && x.kind !== "instance");
    for (let i = 0; i < xs.length; i++) if (!same(xs[i]!, ys[i]!, false, childOwn)) return false;
    return true;
  };
  return same(a, b, true, false);
}

/** A field compared as its JSON: left out when undefined. */
const sameField = (x: unknown, y: unknown): boolean =>
  x === y || (x !== undefined && y !== undefined && sameJson(x, y));

/** Plain own texts become props, so their characters may differ; rich text (runs) stays literal. */
function sameText(x: DesignNode["text"], y: DesignNode["text"], isOwn: boolean): boolean {
  if (x === y) return true;
  if (!x || !y) return false;
  // One rich and one plain: one writes its runs, the other none.
  if (!x.runs !== !y.runs) return false;
  return sameJson(x, y, isOwn && !x.runs ? "chars" : undefined);
}

/**
 * The instances, each with the design width of the box that scales as a unit around it (DesignNode.scaled), as
 * buildTree reaches them: lengths inside such a box are in its container units, the instance's own too.
 */
function collectInstances(
  nodes: DesignNode[],
  out: Map<DesignNode, number | undefined>,
  skip: (node: DesignNode) => boolean,
  unitWidth: number | undefined,
): void {
  for (const node of nodes) {
    // An instance drawn as the team's own component (codegen/components-map) has no file, nor do its layers.
    if (skip(node)) continue;
    if (node.kind === "instance" && node.component && !node.hidden) out.set(node, unitWidth);
    if (node.children) collectInstances(node.children, out, skip, node.scaled && node.w > 0 ? node.w : unitWidth);
  }
}

/**
 * `reservedProps`: names a component's props must not take (the emitter's own locals in a component's function).
 */
/**
 * The opening every component emitter shares: a name per frame's screen (unique in `names`), the notes for screens
 * whose file is not spelled as the frame's name, and the components planned around those names.
 */
export function planScreens(
  doc: DesignDocument,
  names: NameScope,
  screenPath: (name: string) => string,
  plan: { reserved: readonly string[]; props: readonly string[]; skip?: (node: DesignNode) => boolean },
): { screenNames: string[]; notes: Problem[]; plan: ComponentPlan } {
  const screenNames = doc.frames.map((frame) => names.take(pascalCase(frame.name, "Screen")));
  return {
    screenNames,
    notes: unspelledNameNotes(doc.frames, screenNames.map(screenPath)),
    // The pages' other drawings too: an instance the phone draws is drawn by its component's file as on desktop.
    plan: planComponents(allDrawings(doc), doc.assets, screenNames.concat(plan.reserved), plan.skip, plan.props),
  };
}

export function planComponents(
  frames: DesignNode[],
  assets: Record<string, Asset>,
  reservedNames: Iterable<string>,
  skip: (node: DesignNode) => boolean = () => false,
  reservedProps: readonly string[] = [],
): ComponentPlan {
  const instances = new Map<DesignNode, number | undefined>();
  collectInstances(frames, instances, skip, undefined);
  // Per main component, its instances in groups of one shape each, in the order the groups were met.
  const groups = new Map<string, DesignNode[][]>();
  const svgOf = svgWithoutIds(assets);
  for (const [instance, unitWidth] of instances) {
    const byMain = groups.get(instance.component!.id) ?? [];
    groups.set(instance.component!.id, byMain);
    // Drawn in a box's container units, a component is another drawing than in pixels (or in another box's units).
    const members = byMain.find(
      (group) => String(instances.get(group[0]!)) === String(unitWidth) && sameShape(group[0]!, instance, svgOf),
    );
    if (members) members.push(instance);
    else byMain.push([instance]);
  }
  const names = new NameScope(reservedNames);
  const defs: ComponentDef[] = [];
  const byInstance = new Map<DesignNode, { def: ComponentDef; props: [string, string | boolean][] }>();
  for (const variants of groups.values()) {
    const ordered = [...variants].sort((a, b) => b.length - a.length);
    ordered.forEach((members, index) => {
      // The main shape gets the file; another shape needs two uses to earn one, else it stays inline.
      if (index > 0 && members.length < 2) return;
      const canonical = members[0]!;
      const base = pascalCase(canonical.component!.name.split("/")[0] ?? canonical.component!.name);
      const unitWidth = instances.get(canonical);
      const def: ComponentDef = {
        name: names.take(index === 0 ? base : `${base}Variant`),
        canonical,
        props: [],
        instances: members,
        ...(unitWidth !== undefined ? { unitWidth } : {}),
      };
      // `styles` is the component's CSS module import; a prop of that name would shadow it.
      const propNames = new NameScope(["className", "styles", ...reservedProps]);
      // Each member's own layers by key, the first of a key kept (as a search from the start finds it).
      const byKey = members.map((m) => {
        const layers = new Map<string, DesignNode>();
        for (const l of ownLayers(m)) {
          const key = layerKey(m, l);
          if (!layers.has(key)) layers.set(key, l);
        }
        return layers;
      });
      for (const layer of ownLayers(canonical)) {
        const key = layerKey(canonical, layer);
        const values = byKey.map((layers) => layers.get(key));
        if (layer.text && !layer.text.runs) {
          // Image imports are named `<name>Src`; a prop must not shadow one.
          const base = camelCase(layerLabel(layer) || "text", "text").replace(/Src$/, "SrcText");
          const lines = values.some((v) => v?.text !== undefined && LINE_BREAK.test(v.text.chars));
          def.props.push({
            name: propNames.take(base),
            kind: "text",
            layer: key,
            defaultValue: propText(layer.text.chars),
            ...(lines ? { lines } : {}),
          });
        }
        if (values.some((v) => v?.hidden)) {
          def.props.push({
            name: propNames.take(`show${pascalCase(layer.name || layer.kind, "Layer")}`),
            kind: "visible",
            layer: key,
            defaultValue: !layer.hidden,
          });
        }
      }
      defs.push(def);
      for (const member of members) {
        const layers = new Map(ownLayers(member).map((l) => [layerKey(member, l), l]));
        const props: [string, string | boolean][] = [];
        for (const prop of def.props) {
          const layer = layers.get(prop.layer);
          const value = prop.kind === "text" ? propText(layer?.text?.chars ?? "") : !(layer?.hidden ?? false);
          if (value !== prop.defaultValue) props.push([prop.name, value]);
        }
        byInstance.set(member, { def, props });
      }
    });
  }
  // Each def's own layers with their props, by layer (asked for every layer the def's file draws).
  const propsByDef = new Map<ComponentDef, Map<DesignNode, Partial<Record<PropDef["kind"], PropDef>>>>();
  const propsOf = (def: ComponentDef): Map<DesignNode, Partial<Record<PropDef["kind"], PropDef>>> => {
    const known = propsByDef.get(def);
    if (known) return known;
    const byKey = new Map<string, Partial<Record<PropDef["kind"], PropDef>>>();
    for (const prop of def.props) {
      const entry = byKey.get(prop.layer) ?? {};
      entry[prop.kind] ??= prop;
      byKey.set(prop.layer, entry);
    }
    const byLayer = new Map<DesignNode, Partial<Record<PropDef["kind"], PropDef>>>();
    for (const layer of ownLayers(def.canonical)) byLayer.set(layer, byKey.get(layerKey(def.canonical, layer)) ?? {});
    propsByDef.set(def, byLayer);
    return byLayer;
  };
  const propDef = (def: ComponentDef, node: DesignNode, kind: PropDef["kind"]): PropDef | undefined =>
    propsOf(def).get(node)?.[kind];
  return {
    defs,
    usage: (node) => {
      const found = byInstance.get(node);
      return found ? { component: found.def.name, props: found.props } : undefined;
    },
    textProp: (def, node) => propDef(def, node, "text")?.name,
    textLines: (def, node) => propDef(def, node, "text")?.lines === true,
    visibleProp: (def, node) => propDef(def, node, "visible")?.name,
  };
}
