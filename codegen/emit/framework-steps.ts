/**
 * The steps every component framework's emitter (React, Vue, Svelte, Angular) takes in the same order around what
 * only it prints: plan the screens and components and set up the design's shared context (framework-context.ts);
 * build every screen's tree, then every component's, into the pages' outline and write each file once the outline
 * has settled; then the files around the components. A target passes its own unit, build context and writers.
 */
import type { DesignDocument, DesignNode } from "../design/types.js";
import type { PageTimer } from "../prototype/transitions.js";
import type { Problem, SourceFile } from "../types.js";
import { assetDir, imageAssetFiles, imageKeysIn } from "./assets.js";
import { buildTree, type BuildContext } from "./build.js";
import { planScreens, type ComponentDef, type ComponentPlan } from "./components.js";
import { allDrawings } from "../design/drawings.js";
import {
  frameworkContext,
  type FrameworkContext,
  type FrameworkOptions,
  type FrameworkUnit,
} from "./framework-context.js";
import type { NameScope } from "./names.js";
import { PageOutline } from "./outline.js";
import { overlayPage, overlaysCss } from "./overlays.js";
import type { VNode } from "./vnode.js";
import { viewTransitionsCss, type PageMotion } from "./view-transitions.js";

/** How a target plans its files: where a screen's file goes, the names it keeps, its components' id props. */
export interface FrameworkPlanning {
  screenPath: (name: string) => string;
  reserved: readonly string[];
  /** A component's own id prop and the function that derives its layers' ids from it (with `nodeIds`). */
  ids: { nodeId: string; layerId: string };
  /** Instances drawn as something else (the team's own components): no component file. */
  skip?: (node: DesignNode) => boolean;
}

/** The screens' names, the components' plan and the design's shared context; the planning notes go to `problems`. */
export function planFramework(
  doc: DesignDocument,
  names: NameScope,
  planning: FrameworkPlanning,
  options: FrameworkOptions,
  problems: Problem[],
): { screenNames: string[]; plan: ComponentPlan; design: FrameworkContext } {
  const { ids } = planning;
  const { screenNames, notes, plan } = planScreens(doc, names, planning.screenPath, {
    reserved: planning.reserved,
    props: options.nodeIds ? [ids.nodeId, ids.layerId] : [],
    ...(planning.skip ? { skip: planning.skip } : {}),
  });
  problems.push(...notes);
  return { screenNames, plan, design: frameworkContext(doc, options, plan, ids, problems) };
}

/** A target's units (its files' state), their build contexts and how it writes a screen's file. */
export interface ScreenSteps<U extends FrameworkUnit> {
  /** The unit of the screen drawn by the document's frame `index`. */
  screen(index: number): U;
  contextFor(unit: U, def: ComponentDef | undefined): BuildContext;
  /** `timer`: the screen goes on by itself after a while (cleared when the screen is left). */
  writeScreen(unit: U, tree: VNode, timer: PageTimer | undefined): void;
}

/** …and its components' files: `unit` makes a screen's or a component's. */
export interface UnitSteps<U extends FrameworkUnit> extends Omit<ScreenSteps<U>, "screen"> {
  unit(name: string, dir: "screens" | "components"): U;
  writeComponent(def: ComponentDef, unit: U, tree: VNode): void;
}

/** `pages`: drawings/page.ts's pageBuilder (a page drawn at several widths is one tree). */
type Pages = (frame: DesignNode, ctx: BuildContext) => VNode;

/** Every screen's tree into `outline`, its file written when the outline settles. */
export function outlineScreens<U extends FrameworkUnit>(
  doc: DesignDocument,
  design: Pick<FrameworkContext, "overlays" | "motion">,
  pages: Pages,
  outline: PageOutline,
  steps: ScreenSteps<U>,
): void {
  const { overlays, motion } = design;
  doc.frames.forEach((frame, index) => {
    const unit = steps.screen(index);
    const ctx = steps.contextFor(unit, undefined);
    // A page drawn at several widths is one tree (drawings/page.ts); so is an overlay's page.
    const tree = overlays ? overlayPage(index, doc.frames, ctx, overlays, pages) : pages(frame, ctx);
    outline.page({ tree, title: frame.name, ctx }, () => steps.writeScreen(unit, tree, motion?.plan.timers.get(index)));
  });
}

/**
 * Every screen's tree, then every component's, before any file is printed: the pages' outline spans the component
 * files (outline.ts).
 */
export function outlineUnits<U extends FrameworkUnit>(
  doc: DesignDocument,
  design: Pick<FrameworkContext, "overlays" | "motion">,
  planned: { screenNames: readonly string[]; plan: ComponentPlan },
  pages: Pages,
  steps: UnitSteps<U>,
): void {
  const { screenNames, plan } = planned;
  const outline = new PageOutline();
  outlineScreens(doc, design, pages, outline, {
    ...steps,
    screen: (index) => steps.unit(screenNames[index]!, "screens"),
  });
  for (const def of plan.defs) {
    const unit = steps.unit(def.name, "components");
    const tree = buildTree(def.canonical, steps.contextFor(unit, def), true, def.unitWidth);
    outline.component(def.name, tree, () => steps.writeComponent(def, unit, tree));
  }
  outline.settle();
}

/**
 * The files around the components, in their order: the images (`images`, those the files import, and every
 * drawing's), the tokens and fonts, src/index.ts exporting `exports`, the target's own (`own`: its routes and
 * transitions), the overlays' stylesheet and src/global.css.
 */
export function filesAround(
  doc: DesignDocument,
  design: FrameworkContext,
  images: Set<string>,
  exports: readonly string[],
  own: readonly SourceFile[],
): SourceFile[] {
  for (const key of imageKeysIn(allDrawings(doc))) images.add(key);
  const styleFiles = design.styleFiles();
  const globalCss = design.globalCss();
  return [
    ...imageAssetFiles(images, doc.assets, assetDir("react")),
    ...styleFiles,
    design.entryFile(styleFiles, exports),
    ...own,
    ...(design.overlays ? [{ path: "src/overlays.css", content: overlaysCss(design.overlays, doc.frames) }] : []),
    ...(globalCss ? [globalCss] : []),
  ];
}

/**
 * src/transitions.ts (`script`, the target's own, from whether a back link plays its transition backwards) and
 * src/transitions.css, when the page transitions play some.
 */
export function transitionFiles(
  motion: PageMotion | undefined,
  script: (back: boolean) => string,
  path = "src/transitions.ts",
): SourceFile[] {
  if (!motion || motion.plan.transitions.length === 0) return [];
  return [
    { path, content: script(motion.plan.back) },
    { path: "src/transitions.css", content: viewTransitionsCss(motion.plan, false) },
  ];
}

/** src/index.ts's lines of a target whose files export their component as default (`.vue`, `.svelte`). */
export function defaultExports(screenNames: readonly string[], plan: ComponentPlan, extension: string): string[] {
  return [
    ...screenNames.map((n) => `export { default as ${n} } from "./screens/${n}${extension}";`),
    ...plan.defs.map((d) => `export { default as ${d.name} } from "./components/${d.name}${extension}";`),
  ];
}

/**
 * src/global.d.ts of a target whose checker reads its own component files (vue-tsc, svelte-check): the stylesheets'
 * and images' imports, typed.
 */
export const ASSET_DECLARATIONS = [
  'declare module "*.css";',
  ...["svg", "png", "jpg", "jpeg", "gif", "webp"].flatMap((ext) => [
    `declare module "*.${ext}" {`,
    "  const src: string;",
    "  export default src;",
    "}",
  ]),
  "",
].join("\n");
