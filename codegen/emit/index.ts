/** The emitters behind one call: design tree → files, before the project pass and formatting. Light. */
import type { DesignDocument, DesignNode } from "../design/types.js";
import type { CodeOptions } from "../load.js";
import type { EmittedFiles } from "../types.js";
import { inferLayoutReported, type FrameVerdict, type LayoutReport } from "../layout/index.js";
import { plural } from "../../kernel/plural.js";
import { emitHtml } from "./html/emit.js";
import { emitReact } from "./react/emit.js";
import { emitVue } from "./vue/emit.js";
import { emitSvelte } from "./svelte/emit.js";
import { emitAngular } from "./angular/emit.js";
import { emitReactNative } from "./react-native/emit.js";
import { planLinks } from "../prototype/links.js";
import { prototypeNotes } from "../prototype/notes.js";
import { planOverlays } from "../prototype/overlays.js";
import { planTransitions, playable } from "../prototype/transitions.js";

const TARGET_NAMES = {
  react: "React",
  html: "HTML",
  vue: "Vue",
  svelte: "Svelte",
  angular: "Angular",
  "react-native": "React Native",
} as const;

/** Emitter output only (no project pass, no formatting). */
export function emitFiles(design: DesignDocument, options: CodeOptions): EmittedFiles {
  const inferred = options.layout === "exact" ? undefined : inferLayoutReported(design, options.layoutDecisions);
  const doc = inferred?.document ?? design;
  const react = options.target === "react";
  const out = react
    ? emitReact(doc, {
        styling: options.styling,
        nodeIds: options.nodeIds,
        ...(options.components ? { components: options.components } : {}),
      })
    : options.target === "vue"
      ? emitVue(doc, { styling: options.styling, nodeIds: options.nodeIds })
      : options.target === "svelte"
        ? emitSvelte(doc, { styling: options.styling, nodeIds: options.nodeIds })
        : options.target === "angular"
          ? emitAngular(doc, { styling: options.styling, nodeIds: options.nodeIds })
          : options.target === "react-native"
            ? emitReactNative(doc, { nodeIds: options.nodeIds })
            : emitHtml(doc, { nodeIds: options.nodeIds });
  if (!react && options.components && options.components.components.length > 0) {
    out.problems.push({
      severity: "info",
      code: "component-mapping",
      message:
        `the component mapping applies to React output only: the ${TARGET_NAMES[options.target]} ` +
        "draws every instance from the design",
    });
  }
  if (design.prototype) out.problems.push(...notesOf(design));
  const report = inferred?.report;
  if (report && report.suggested > 0)
    out.problems.push({ severity: "info", code: "figma-inferred-layout", message: figmaLayoutNote(report) });
  for (const verdict of report?.checked ?? [])
    out.problems.push({ severity: "info", code: "layout-check", message: layoutCheckNote(verdict) });
  return out;
}

const ENGINE_WORDS: Record<FrameVerdict["check"], string> = {
  chromium: "in Chromium",
  preview: "in the preview",
  simulator: "by Figment's layout model (no browser)",
};

/** Which check ran on an inferred frame at its design width, and what it kept as drawn. */
export function layoutCheckNote(verdict: FrameVerdict): string {
  const how = `“${verdict.frame}”: the inferred layout checked ${ENGINE_WORDS[verdict.check]} at the design width`;
  if (verdict.exact) return `${how}; it did not hold, so the frame keeps its drawn positions (as --exact-layout)`;
  if (verdict.drawn)
    return `${how}; its sections did not hold, so the frame keeps its drawing there and stacks its layers below it`;
  if (verdict.kept.length === 0) return `${how}: every layer lands where drawn`;
  const names = verdict.kept.slice(0, 5).join(", ") + (verdict.kept.length > 5 ? ", …" : "");
  return `${how}; ${plural(verdict.kept.length, "section")} kept as drawn there (${names}), stacked below it`;
}

/** How Figma's own inferred auto layouts compared with Figment's (the plugin exports them beside the JSON). */
function figmaLayoutNote(r: LayoutReport): string {
  const used = r.used > 0 ? `; on ${r.used} that Figment could not read, Figma's direction was used` : "";
  return (
    `layout inference: Figma's own auto-layout guess agrees with ` +
    `Figment's direction on ${r.agreed} of ${r.suggested} frames${used}`
  );
}

/** The links over the overlays' buttons (every CLOSE of an overlay drawn counts as done). */
function overlayLinks(doc: DesignDocument, links: ReturnType<typeof planLinks>): ReturnType<typeof planLinks> {
  return planOverlays(doc)?.links(links, "any") ?? links;
}

/** The prototype's interactions the code does not do, per layer (codegen/prototype/notes.ts). */
function notesOf(doc: DesignDocument): ReturnType<typeof prototypeNotes> {
  const names = new Map<string, string>();
  const stack: [DesignNode, string | undefined][] = doc.frames.map((f) => [f, undefined]);
  while (stack.length > 0) {
    const [node, parent] = stack.pop()!;
    const name = doc.layerNames?.[node.id] ?? node.name;
    // A variant (“Property 1=Default”) is named with its set's name.
    if (node.id) names.set(node.id, parent && name.includes("=") ? `${parent} › ${name}` : name);
    if (node.children) for (const child of node.children) stack.push([child, name]);
  }
  const pages = new Set(doc.frames.map((f) => f.id));
  const scope = { has: (id: string) => names.has(id), isPage: (id: string) => pages.has(id) };
  const links = planLinks(doc, () => "");
  const motion = planTransitions(doc, links);
  return prototypeNotes(
    doc.prototype!,
    scope,
    overlayLinks(doc, links),
    (id) => names.get(id) || id,
    new Set(Object.keys(doc.variants ?? {})),
    { transitionPlays: playable, timed: (id) => motion?.timed.has(id) ?? false },
  );
}
