/**
 * What every component framework's emitter (React, Vue; Svelte and Angular next) sets up once per design and
 * shares: the screens' routes, the prototype's links with their page transitions, overlays and scroll settings, the
 * design tokens, the build context's fields that do not depend on the framework's idiom, and the files beside the
 * components (tokens, fonts, the entry, the global stylesheet). A target adds what only it prints: how an image's
 * `src` is written, its own router and dialog hooks, its file syntax.
 */
import { allDrawings } from "../design/drawings.js";
import type { DesignDocument } from "../design/types.js";
import type { Problem, SourceFile } from "../types.js";
import { assetFileName } from "./assets.js";
import type { BuildContext } from "./build.js";
import { componentFileContext } from "./component-context.js";
import type { ComponentDef, ComponentPlan } from "./components.js";
import { camelCase, layerLabel } from "./names.js";
import type { NavMenuNames } from "./nav-menu.js";
import { tailwindClasses } from "./tailwind.js";
import { documentTokensCss, tokenFields } from "../tokens/index.js";
import type { Sheet } from "./vnode.js";
import { fontStack } from "../fonts/stack.js";
import { fontPlan } from "../fonts/plan.js";
import { fontNotes, reactFontFiles } from "../fonts/output.js";
import { planLinks, type LinkPlan } from "../prototype/links.js";
import { planOverlays, type OverlayPlan } from "../prototype/overlays.js";
import { routePaths, SMOOTH_SCROLL, usageKeepingLinks } from "./links.js";
import { scrollingOf } from "./scrolling.js";
import { drawsStates, statePlan, toggledOf } from "./variant-states.js";
import { REDUCED_MOTION } from "./motion.js";
import { pageMotion, type PageMotion } from "./view-transitions.js";

export interface FrameworkOptions {
  styling: "css-modules" | "tailwind";
  nodeIds: boolean;
  /**
   * How a file gives a menu's button the focus back, from the button ref's name (React's default:
   * `menuButton.current?.focus()`; a Vue template sees its ref unwrapped: `menuButton?.focus()`).
   */
  focusRef?: (ref: string) => string;
  /**
   * A click that changes a layer to another variant becomes a button's state (`aria-pressed`; Tailwind's variant
   * `aria-pressed:`): the toggled instance is drawn on its screen.
   */
  toggles?: boolean;
}

/** A file being built (a screen or a component): its stylesheet and the navigation menus it declares. */
export interface FrameworkUnit {
  sheet: Sheet;
  menus: Extract<NavMenuNames, { kind: "state" }>[];
  /** A component file that derives its layers' ids from its instance's (`layerId("…")`). */
  layerIds: boolean;
}

/** The names a component file gives its instance's id and the function that derives its layers' ids from it. */
export interface IdNames {
  nodeId: string;
  layerId: string;
}

/** The per-design set-up shared by the framework emitters. */
export interface FrameworkContext {
  /** Each file has its own stylesheet (CSS modules, scoped styles); else Tailwind's classes. */
  ownStyles: boolean;
  /** Each screen's route (`/`, `/payment`). */
  routes: string[];
  /** The prototype's links, playing their page transitions when there are some. */
  links: LinkPlan | undefined;
  motion: PageMotion | undefined;
  overlays: OverlayPlan | undefined;
  /** The tokens' stylesheet (empty without tokens). */
  tokensCss: string;
  /**
   * The build context of a unit's file (`def`: a component's own), with what only the target knows: at least how
   * an image's `src` is written.
   */
  buildContext(
    unit: FrameworkUnit,
    def: ComponentDef | undefined,
    target: Pick<BuildContext, "imageSrc"> & Partial<BuildContext>,
  ): BuildContext;
  /** src/tokens.css and the font files (their notes go to the problems). */
  styleFiles(): SourceFile[];
  /** src/index.ts: the font and global imports, then `exports`. */
  entryFile(fontFiles: readonly SourceFile[], exports: readonly string[]): SourceFile;
  /** src/global.css (own styles only): box sizing, margins, smooth scrolling and reduced motion as the design needs. */
  globalCss(): SourceFile | undefined;
}

/** A class's Tailwind classes; an element whose hover or press restyles its layers is their named group. */
export function tailwindOf(sheet: Sheet, cls: string): string {
  const classes = tailwindClasses(
    sheet.rules.get(cls) ?? [],
    sheet.pseudo.get(cls),
    sheet.below.get(cls),
    sheet.above.get(cls),
  );
  return sheet.groups.has(cls) ? [`group/${cls}`, classes].filter(Boolean).join(" ") : classes;
}

/** A new menu's names in a file: `menuOpen`, or `menu2Open` for its second. */
export function newMenu(
  unit: Pick<FrameworkUnit, "menus">,
  focusRef: (ref: string) => string = (ref) => `${ref}.current?.focus()`,
): Extract<NavMenuNames, { kind: "state" }> {
  const n = unit.menus.length + 1;
  const base = n === 1 ? "menu" : `menu${n}`;
  const names = {
    kind: "state" as const,
    open: `${base}Open`,
    setOpen: `set${base[0]!.toUpperCase()}${base.slice(1)}Open`,
    id: `${base}Id`,
    button: `${base}Button`,
    focusButton: focusRef(`${base}Button`),
  };
  unit.menus.push(names);
  return names;
}

/**
 * A component's placement in its parent's own style, under a name of the parent's own (`Home-card`): the class goes to
 * the component's root, where a class of the component's own file of the same name (`card`) would take the
 * placement's rules too. `global` (Svelte, which scopes a rule to the file's own elements): `:global(.Home-card)`.
 */
export function useClassRules(css: string, unit: string, classes: Iterable<string>, global: boolean): string {
  let out = css;
  for (const cls of classes)
    out = out.replace(new RegExp(`\\.${cls}(?![\\w-])`, "g"), () =>
      global ? `:global(.${unit}-${cls})` : `.${unit}-${cls}`,
    );
  return out;
}

/** Whether a stylesheet uses a token (`var(--…)`): its file then imports the tokens' stylesheet. */
export function usesTokens(sheet: Sheet): boolean {
  const token = (decls: readonly [string, string][]): boolean => decls.some(([, v]) => v.includes("var(--"));
  // A wider or narrower screen's rule may name a token its class rule does not (a page's drawings, issue 70).
  return (
    [...sheet.rules.values()].some(token) ||
    [...sheet.above.values(), ...sheet.below.values()].some((list) => list.some(([, decls]) => token(decls)))
  );
}

export function frameworkContext(
  doc: DesignDocument,
  options: FrameworkOptions,
  plan: ComponentPlan,
  ids: IdNames,
  problems: Problem[],
): FrameworkContext {
  const ownStyles = options.styling === "css-modules";
  // The prototype's screens are routes: its links go to them…
  const routes = routePaths(
    doc.frames,
    (doc.prototype?.starts ?? []).map((s) => s.nodeId),
  );
  const planned = planLinks(doc, (i) => routes[i]!, true);
  // …which play the design's transitions (view-transitions.ts).
  const motion = pageMotion(doc, planned);
  const links = motion ? motion.links : planned;
  const overlays = planOverlays(doc);
  const scrolling = scrollingOf(doc);
  // A toggle's state is its screen's.
  const toggled = options.toggles ? toggledOf(doc, true) : undefined;
  const tokens = tokenFields(doc, ownStyles ? "css" : "tailwind");
  const tokensCss = documentTokensCss(doc, ownStyles ? "css" : "tailwind");

  const buildContext: FrameworkContext["buildContext"] = (unit, def, target) => ({
    sheet: unit.sheet,
    nodeIds: options.nodeIds,
    assets: doc.assets,
    // An own stylesheet sits beside its component; Tailwind's classes are compiled into the stylesheet that imports
    // Tailwind (src/tailwind.css), whose URLs are relative to src/.
    urls: { cssUrl: (key) => `${ownStyles ? "../" : "./"}assets/${assetFileName(key, doc.assets[key])}` },
    classBase: (node, fallback) => camelCase(layerLabel(node), camelCase(fallback)),
    // An instance holding a link or a toggle is drawn on its screen (a component file would lose them).
    componentFor: usageKeepingLinks((node) => plan.usage(node), links, toggled),
    ...target,
    ...tokens,
    ...(def ? componentFileContext(plan, def, ids, () => (unit.layerIds = true)) : {}),
    ...(ownStyles ? {} : { preflight: true }),
    navMenu: () => newMenu(unit, options.focusRef),
    // A component's layers link from no screen of their own (each instance would link alike).
    ...(links && !def ? { links } : {}),
    ...(scrolling ? { scrolling } : {}),
    // Its classes are the file's own.
    ...(doc.variants ? { states: statePlan(doc, options.toggles ? "pressed" : undefined) } : {}),
    ...(motion?.morph ? { morph: motion.morph } : {}),
    problems,
  });

  const styleFiles = (): SourceFile[] => {
    const out: SourceFile[] = [];
    if (tokensCss)
      out.push({
        path: "src/tokens.css",
        content: ownStyles
          ? tokensCss
          : `/* Design tokens as the Tailwind theme: import after tailwindcss ` +
            `(@import "tailwindcss"; @import "./tokens.css";). */\n` +
            `${tokensCss}`,
      });
    const fonts = fontPlan(allDrawings(doc));
    out.push(...reactFontFiles(fonts, options.styling, fontStack));
    problems.push(...fontNotes(fonts, { stylesheet: "src/fonts.css", packagesToAdd: true }));
    return out;
  };

  const entryFile = (fontFiles: readonly SourceFile[], exports: readonly string[]): SourceFile => {
    const entryImports = [
      ...(fontFiles.some((f) => f.path === "src/fonts.ts") ? ['import "./fonts";'] : []),
      ...(ownStyles ? ['import "./global.css";'] : []),
    ];
    return { path: "src/index.ts", content: [...entryImports, ...exports, ""].join("\n") };
  };

  const globalCss = (): SourceFile | undefined =>
    ownStyles
      ? {
          path: "src/global.css",
          content:
            "*,\n*::before,\n*::after {\n  box-sizing: border-box;\n}\n\nbody {\n  margin: 0;\n}\n" +
            (links?.smooth ? "\n" + SMOOTH_SCROLL : "") +
            // Any motion the page plays (a state's transition, a page transition) stops for a reader who asks for less.
            (drawsStates(doc) || motion ? "\n" + REDUCED_MOTION : ""),
        }
      : undefined;

  return { ownStyles, routes, links, motion, overlays, tokensCss, buildContext, styleFiles, entryFile, globalCss };
}
