/**
 * Angular emitter: standalone components (`@Component({ selector, imports, templateUrl, styleUrl })`, signals for
 * state, `input()` for props; component styles with emulated encapsulation, or Tailwind) printed from the same
 * markup tree as React's (build.ts): the same components and props, assets, fonts, tokens, responsive rules and
 * prototype links (`routerLink`, routes in src/app/app.routes.ts for `provideRouter`). A component's host element
 * is its root (`div[app-card]`, its root's rules as `:host`), so an instance's placement class is on the box itself,
 * as React's `className` is. Files: src/app/screens/*, src/app/components/* (`.ts`, `.html`, `.css`; a one-line
 * template inline), src/app/app.routes.ts; the root component is the starter's (codegen/emit/angular/app.ts).
 */
import type { DesignDocument } from "../../design/types.js";
import type { EmittedFiles, Problem, SourceFile } from "../../types.js";
import { assetDir, assetFileName, imageAssetFiles, imageKeysIn } from "../assets.js";
import { buildTree } from "../build.js";
import { PageOutline } from "../outline.js";
import { pageBuilder } from "../drawings/page.js";
import { allDrawings } from "../../design/drawings.js";
import type { ComponentDef } from "../components.js";
import { jsString } from "../markup.js";
import { kebabCase, NameScope } from "../names.js";
import { Sheet, type VNode } from "../vnode.js";
import { elementAttrs, goesBack, printAngular, svgInner, type AngularTemplateStyle } from "./print.js";
import { tailwindOf, type FrameworkUnit } from "../framework-context.js";
import { outlineScreens, planFramework, transitionFiles } from "../framework-steps.js";
import { ANGULAR_TRANSITIONS_PATH, angularTimer, angularTransitionsTs } from "./prototype.js";
import type { PageTimer } from "../../prototype/transitions.js";

export interface AngularOptions {
  styling: "css-modules" | "tailwind";
  nodeIds: boolean;
}

const NODE_ID = "dataNodeId";
const LAYER_ID = "layerId";
// Names the files import from Angular (a layer named "Component" gets a name of its own, not the decorator's).
const RESERVED = ["App", "Component", "DestroyRef", "Index", "Router", "RouterLink", "RouterOutlet", "Routes"];

interface AngularUnit extends FrameworkUnit {
  name: string;
  file: string;
  dir: "screens" | "components";
}

interface Uses {
  components: Set<string>;
  links: boolean;
  back: boolean;
  /** A BACK link plays the reverse of the transition that came (transitionBack). */
  reverse: boolean;
}

function usesOf(node: VNode, out: Uses): void {
  if (node.type === "use") out.components.add(node.component);
  else if (node.type === "if") usesOf(node.child, out);
  else if (node.type === "element") {
    if (node.tag === "Link") out.links = true;
    if (node.reactAttrs?.some(([, e]) => goesBack(e))) out.back = true;
    if (node.reactAttrs?.some(([, e]) => goesBack(e) && e.includes("transitionBack("))) out.reverse = true;
    for (const c of node.children) usesOf(c, out);
  }
}

/** A component's root rules as its host's (`.card:hover .x` → `:host(:hover) .x`). */
export function hostRules(css: string, cls: string): string {
  return css.replace(new RegExp(`\\.${cls}((?::[\\w-]+(?:\\([^)]*\\))?)*)(?![\\w-])`, "g"), (_m, pseudo: string) =>
    pseudo ? `:host(${pseudo})` : ":host",
  );
}

/** A template attribute (`name="value"`, `[attr.x]="e"`, `(click)="s"`) as a `host` metadata entry. */
function hostEntry(attribute: string): string {
  const m = /^([^=]+)="(.*)"$/.exec(attribute);
  const [key, value] = m ? [m[1]!, m[2]!.replace(/&quot;/g, '"').replace(/&amp;/g, "&")] : [attribute, ""];
  return `${/^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key)}: ${jsString(value)}`;
}

/**
 * A one-line template as the decorator's `template` (as `ng new` writes app.ts's `<router-outlet />`): the rule is a
 * template of one line whose entry fits prettier's 100 columns; any longer one is its own `.html` (`templateUrl`).
 */
export function inlineTemplate(template: string): string | undefined {
  if (template.includes("\n")) return undefined;
  const literal = template.includes('"')
    ? `\`${template.replace(/[`\\]|\$\{/g, (m) => `\\${m}`)}\``
    : jsString(template);
  return `  template: ${literal},`.length <= 100 ? literal : undefined;
}

export function emitAngular(doc: DesignDocument, options: AngularOptions): EmittedFiles {
  const problems: Problem[] = [];
  const files: SourceFile[] = [];
  const names = new NameScope(RESERVED);
  const fileOf = (name: string): string => kebabCase(name, "screen");
  const { screenNames, plan, design } = planFramework(
    doc,
    names,
    {
      screenPath: (n) => `src/app/screens/${fileOf(n)}.ts`,
      reserved: RESERVED,
      ids: { nodeId: NODE_ID, layerId: LAYER_ID },
    },
    // A template reaches its button by its template reference: the element itself.
    { ...options, focusRef: (ref) => ref },
    problems,
  );
  const allImages = new Set<string>();
  const { ownStyles, routes } = design;
  const contextFor = (unit: AngularUnit, def: ComponentDef | undefined) =>
    design.buildContext(unit, def, {
      imageSrc: (key) => {
        allImages.add(key);
        // Served from src/assets (angular.json's assets).
        return `assets/${assetFileName(key, doc.assets[key])}`;
      },
      // Component styles sit in src/app/<dir>/.
      urls: { cssUrl: (key) => `${ownStyles ? "../../" : "./"}assets/${assetFileName(key, doc.assets[key])}` },
    });
  // The component files' trees: an instance is written as its component's root tag (settled by the outline).
  const componentTrees = new Map<string, VNode>();
  const hostTag = (tree: VNode | undefined): string =>
    tree?.type === "element" ? (tree.tag === "Link" ? "a" : tree.tag) : "div";
  const writeUnit = (
    unit: AngularUnit,
    tree: VNode,
    members: string[],
    inputs: string[],
    timer: PageTimer | undefined,
  ): void => {
    const uses: Uses = { components: new Set(), links: false, back: false, reverse: false };
    usesOf(tree, uses);
    uses.components.delete(unit.name);
    const signals = new Set([...inputs, ...unit.menus.map((m) => m.open)]);
    const style: AngularTemplateStyle = {
      classes: (cls) => (ownStyles ? cls : tailwindOf(unit.sheet, cls)),
      signals,
      host: (component) => ({ attr: `app-${kebabCase(component)}`, tag: hostTag(componentTrees.get(component)) }),
    };
    const root = tree.type === "element" && unit.dir === "components" ? tree : undefined;
    let template: string;
    const host: string[] = [];
    let css = ownStyles && unit.sheet.rules.size > 0 ? unit.sheet.css().trimEnd() : "";
    if (root) {
      // The host is the root: its attributes are the host's, its children the template.
      const rootStyle = {
        ...style,
        classes: (cls: string) => (ownStyles && cls === root.cls ? "" : style.classes(cls)),
      };
      host.push(...elementAttrs(root, rootStyle).map(hostEntry));
      if (ownStyles && root.cls !== undefined) css = hostRules(css, root.cls);
      template =
        root.svgMarkup !== undefined
          ? svgInner(root.svgMarkup, root.svgNodeIds, true)
          : root.children.map((c) => printAngular(c, style)).join("\n");
    } else {
      template = printAngular(tree, style);
      if (ownStyles) css = `:host {\n  display: block;\n}\n${css ? `\n${css}` : ""}`;
      else host.push('class: "block"');
    }
    const core = [
      "Component",
      ...(timer ? ["DestroyRef"] : []),
      ...(uses.back || timer ? ["inject"] : []),
      ...(inputs.length > 0 ? ["input"] : []),
      ...(unit.menus.length > 0 ? ["signal"] : []),
    ];
    const imports = [
      ...(uses.back ? ['import { Location } from "@angular/common";'] : []),
      `import { ${core.join(", ")} } from "@angular/core";`,
      ...(uses.links || timer
        ? [
            `import { ${[...(uses.links ? ["RouterLink"] : []), ...(timer ? ["Router"] : [])].join(", ")} } ` +
              'from "@angular/router";',
          ]
        : []),
      ...(uses.reverse ? ['import { goingBack } from "../transitions";'] : []),
      ...[...uses.components]
        .sort()
        .map((c) => `import { ${c} } from "${unit.dir === "components" ? "." : "../components"}/${fileOf(c)}";`),
    ];
    const selector = root
      ? `${root.tag === "Link" ? "a" : root.tag}[app-${kebabCase(unit.name)}]`
      : `app-${kebabCase(unit.name)}`;
    const used = [...[...uses.components].sort(), ...(uses.links ? ["RouterLink"] : [])];
    const inline = inlineTemplate(template);
    const meta = [
      `  selector: ${jsString(selector)},`,
      ...(used.length > 0 ? [`  imports: [${used.join(", ")}],`] : []),
      inline !== undefined ? `  template: ${inline},` : `  templateUrl: "./${unit.file}.html",`,
      ...(css ? [`  styleUrl: "./${unit.file}.css",`] : []),
      ...(host.length > 0 ? ["  host: {", ...host.map((h) => `    ${h},`), "  },"] : []),
    ];
    const menuLines = unit.menus.flatMap((m) => {
      const close = m.setOpen.replace(/^set/, "close").replace(/Open$/, "");
      return [
        `  protected readonly ${m.open} = signal(false);`,
        `  protected readonly ${m.id} = ${jsString(`${unit.file}-${m.id}`)};`,
        "",
        "  /** Escape closes the menu and gives the focus back to its button. */",
        `  protected ${close}(button: HTMLButtonElement): void {`,
        `    if (this.${m.open}()) {`,
        `      this.${m.open}.set(false);`,
        "      button.focus();",
        "    }",
        "  }",
      ];
    });
    // Back through the router's Location: the browser's history in the app, the preview's in memory.
    const back = uses.back
      ? [
          "",
          "  private readonly location = inject(Location);",
          "",
          "  protected back(): void {",
          ...(uses.reverse ? ["    goingBack();"] : []),
          "    this.location.back();",
          "  }",
        ]
      : [];
    const timerLines = timer ? angularTimer(timer, routes[timer.to]!) : [];
    const body = [
      ...members,
      ...(timerLines.length > 0 && members.length > 0 ? [""] : []),
      ...timerLines,
      ...menuLines,
      ...back,
    ];
    const ts = [
      ...imports,
      "",
      "@Component({",
      ...meta,
      "})",
      `export class ${unit.name} {${body.length > 0 ? "" : "}"}`,
      ...(body.length > 0 ? [...body, "}"] : []),
      "",
    ].join("\n");
    const base = `src/app/${unit.dir}/${unit.file}`;
    files.push({ path: `${base}.ts`, content: ts });
    if (inline === undefined) files.push({ path: `${base}.html`, content: `${template}\n` });
    if (css) files.push({ path: `${base}.css`, content: `${css}\n` });
  };

  // Components first (as they always were built), written after the screens; every tree is built before any is
  // printed: the pages' outline spans the component files (outline.ts).
  const outline = new PageOutline();
  const components: [name: string, tree: VNode, write: () => void][] = [];
  for (const def of plan.defs) {
    const unit = newUnit(def.name, fileOf(def.name), "components");
    const tree = buildTree(def.canonical, contextFor(unit, def), true, def.unitWidth);
    componentTrees.set(def.name, tree);
    const inputs = [...(options.nodeIds ? [NODE_ID] : []), ...def.props.map((p) => p.name)];
    const members = [
      ...(options.nodeIds ? [`  readonly ${NODE_ID} = input(${jsString(def.canonical.id)});`] : []),
      ...def.props.map(
        (p) =>
          `  readonly ${p.name} = input(${
            typeof p.defaultValue === "string" ? jsString(p.defaultValue) : String(p.defaultValue)
          });`,
      ),
    ];
    // Figma's id of a layer inside an instance: `I<instance id>;<the layer's id in the component>`.
    if (unit.layerIds)
      members.push(
        "",
        `  protected ${LAYER_ID}(key: string): string {`,
        `    return \`I\${this.${NODE_ID}().replace(/^I/, "")};\${key}\`;`,
        "  }",
      );
    components.push([def.name, tree, () => writeUnit(unit, tree, members, inputs, undefined)]);
  }
  outlineScreens(doc, design, pageBuilder(doc, buildTree), outline, {
    screen: (index) => newUnit(screenNames[index]!, fileOf(screenNames[index]!), "screens"),
    contextFor,
    writeScreen: (unit, tree, timer) => writeUnit(unit, tree, [], [], timer),
  });
  for (const [name, tree, write] of components) outline.component(name, tree, write);
  outline.settle();

  for (const key of imageKeysIn(allDrawings(doc))) allImages.add(key);
  files.push(...imageAssetFiles(allImages, doc.assets, assetDir("react")));
  const styleFiles = design.styleFiles();
  files.push(...styleFiles);
  // No src/index.ts barrel: an Angular application reaches its screens through its routes.
  files.push({ path: "src/app/app.routes.ts", content: angularRoutesFile(screenNames, routes, fileOf) });
  files.push(...transitionFiles(design.motion, angularTransitionsTs, ANGULAR_TRANSITIONS_PATH));
  const globalCss = design.globalCss();
  if (globalCss) files.push(globalCss);
  return { files, problems, printed: new Map() };
}

/** src/app/app.routes.ts: one route per screen (the first at `/`); links between the screens are the prototype's. */
export function angularRoutesFile(
  screens: readonly string[],
  paths: readonly string[],
  fileOf: (name: string) => string,
): string {
  return [
    'import type { Routes } from "@angular/router";',
    ...screens.map((n) => `import { ${n} } from "./screens/${fileOf(n)}";`),
    "",
    "export const routes: Routes = [",
    ...screens.map((n, i) => `  { path: ${JSON.stringify((paths[i] ?? "/").replace(/^\//, ""))}, component: ${n} },`),
    "];",
    "",
  ].join("\n");
}

function newUnit(name: string, file: string, dir: AngularUnit["dir"]): AngularUnit {
  return { name, file, dir, sheet: new Sheet(["root"]), menus: [], layerIds: false };
}
