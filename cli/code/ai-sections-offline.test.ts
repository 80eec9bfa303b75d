/**
 * Issue 74's sections in Angular and React Native, with answers that are the offline emitter's code of each section
 * (ai/code/sections/offline.ts): flora's "Home • Desktop" planned as `figment code --ai` plans it, each band written
 * offline in the target, moved where the section's rule puts it, and the page assembled. The assembled project goes
 * through the target's own compiler (Angular's ngtsc, strict templates; tsc against react-native's types) with no
 * blocking problem, and the page renders every section in drawn order.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { assembleSections } from "../../ai/code/sections/assemble.js";
import { imageLimits } from "../../ai/code/sections/limits.js";
import { offlineSectionAnswers } from "../../ai/code/sections/offline.js";
import { planSections, type SectionPlan } from "../../ai/code/sections/plan.js";
import { angularName, sectionFiles } from "../../ai/code/sections/targets.js";
import { isBlocking, type ComponentChecks } from "../../ai/code/pipeline.js";
import { countTextTokens, loadTokenizer } from "../../ai/estimate/estimate.js";
import { laidDocument } from "../../codegen/hint/model.js";
import { printHint } from "../../codegen/hint/print.js";
import { loadDesign, type LoadedDesign } from "../../codegen/index.js";
import type { SourceFile } from "../../codegen/types.js";
import { REPO_ROOT } from "../../test/helpers/fixtures.js";
import { compileAngular } from "../measure/angular-compile.js";
import { bundledText } from "../measure/result-page.js";

const HOME = "8203:59903";
let loaded: LoadedDesign;
let plan: SectionPlan;

beforeAll(async () => {
  await loadTokenizer();
  const json = JSON.parse(readFileSync(join(REPO_ROOT, "test/fixtures/real/flora.file.json"), "utf8")) as unknown;
  loaded = loadDesign(json, [HOME]);
  const frame = loaded.document.frames[0]!;
  const laid = laidDocument(loaded.document, "responsive");
  plan = planSections(laid, laid.frames[0]!, printHint(laid), {
    mode: "auto",
    limits: imageLimits("high"),
    image: { width: Math.round(frame.w), height: Math.round(frame.h) },
    countTokens: countTextTokens,
  });
});

async function checksFor(target: "angular" | "react-native"): Promise<ComponentChecks> {
  if (target === "angular")
    return {
      targetCheck: async (files) => (await compileAngular(files)).problems.filter((p) => p.severity === "error"),
    };
  const types = JSON.parse(await bundledText("react-native-types.json", "React Native's types")) as SourceFile[];
  return { reactNative: { types } };
}

describe("offline sections in Angular and React Native, assembled", () => {
  it.each(["angular", "react-native"] as const)(
    "%s: every section's offline code and the page compile together, in drawn order",
    async (target) => {
      expect(plan.sections.length).toBeGreaterThanOrEqual(3);
      const frame = loaded.document.frames[0]!;
      const options = { target, styling: "css-modules", nodeIds: true } as const;
      const answers = await offlineSectionAnswers(loaded.document, frame, plan.sections, options);
      const components = plan.sections.map((s) => s.component);
      const page = await assembleSections(
        answers,
        components,
        { target, styling: "css-modules" },
        { w: frame.w, name: frame.name, id: frame.id },
        await checksFor(target),
      );
      expect(page.problems.filter(isBlocking)).toEqual([]);
      const text = (path: string): string => page.files.find((f) => f.path === path)!.content;
      for (const c of components)
        expect(text(sectionFiles(c, target).main)).toContain(
          `export ${target === "angular" ? "class" : "function"} ${c}`,
        );
      const root = target === "angular" ? text("src/app/screens/page.html") : text("src/screens/Page.tsx");
      const at = components.map((c) => root.indexOf(target === "angular" ? `<app-${angularName(c)}` : `<${c} />`));
      expect(at.every((k) => k > 0)).toBe(true);
      expect([...at].sort((x, y) => x - y)).toEqual(at);
      // The frame's id is the page's alone.
      const id = target === "angular" ? `data-node-id="${HOME}"` : `testID="${HOME}"`;
      expect(page.files.filter((f) => !f.bytes && f.content.includes(id)).map((f) => f.path)).toEqual([
        target === "angular" ? "src/app/screens/page.html" : "src/screens/Page.tsx",
      ]);
    },
    300_000,
  );
});
