/**
 * Interactive components in Chromium (issue 52): a layer whose hover or press changes it to a variant takes that
 * variant's colours, shadows and sizes while hovered or pressed — compared, layer by layer, with the computed styles
 * of the variant's own render (the variant converted alone, in the same target). A small design with a button (hover
 * and press variants) in HTML and React, by the mouse; then every hover of the TnT website in HTML, each element held
 * in `:hover` through the DevTools protocol (a real pointer would hit what is drawn over some of them). Reduced motion
 * turns the transition off.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { withPage } from "../../cli/measure/browser.js";
import { resultPage } from "../../cli/measure/result-page.js";
import { loadDesign, type CodeOptions, type DesignDocument } from "../index.js";
import type { DesignNode } from "../design/types.js";
import { STATES_FILE } from "../prototype/test-design.js";
import { REPO_ROOT } from "../../test/helpers/fixtures.js";
import { runBrowser, useBrowser } from "../../test/helpers/browser.js";
import { cachedGenerateCode } from "../../test/helpers/run-cache.js";
import { htmlPagePaths } from "./html/emit.js";
import { matchLayers, stateChanges } from "./variant-states.js";
import {
  sizedApart,
  sizedOnly,
  stylesOf,
  variantStyles as renderVariant,
  type Generate,
  type Win,
} from "../../test/helpers/variant-render.js";

const variantStyles = (
  browser: ReturnType<typeof useBrowser>,
  json: unknown,
  variant: DesignNode,
  options: CodeOptions,
) => renderVariant(browser, json, variant, options, cachedGenerateCode as Generate);

async function pageOf(doc: DesignDocument, options: CodeOptions) {
  const code = await cachedGenerateCode(doc, options);
  return { code, ...(await resultPage(code.files, options.target)) };
}

describe.runIf(runBrowser)("a hover's and a press's variant in Chromium (a button's three variants)", () => {
  const browser = useBrowser();
  const doc = loadDesign(STATES_FILE, ["7:1"]).document;
  const [hover, press] = stateChanges(doc.prototype, doc.variants, doc.frames[0]!.children![0]!);

  it("reads the two states", () => {
    expect([hover?.state, hover?.variant.id, press?.state, press?.variant.id]).toEqual([
      ":hover",
      "8:3",
      ":active",
      "8:4",
    ]);
  });

  const targets: CodeOptions[] = [
    { target: "html", styling: "css-modules", nodeIds: true },
    { target: "react", styling: "css-modules", nodeIds: true },
    { target: "react", styling: "tailwind", nodeIds: true },
  ];
  for (const options of targets)
    it(`${options.target} (${options.styling}): hovered and pressed, the button is each variant`, async () => {
      const button = doc.frames[0]!.children![0]!;
      const main = doc.variants!["8:2"]!;
      const ids = (variant: DesignNode) =>
        matchLayers(button, variant).map(([l, v]) => [l.id, sizedApart(v, matchLayers(main, variant))] as const);
      const flags = (variant: DesignNode) => ids(variant).map(([, sized]) => sized);
      const expectHover = sizedOnly(
        await variantStyles(browser, STATES_FILE, hover!.variant, options),
        flags(hover!.variant),
      );
      const expectPress = sizedOnly(
        await variantStyles(browser, STATES_FILE, press!.variant, options),
        flags(press!.variant),
      );
      const { files, entry } = await pageOf(doc, options);
      await withPage(browser, files, entry, { width: 400, height: 300 }, async (page) => {
        const rest = await stylesOf(page, ids(hover!.variant));
        expect(rest[0]!["background-color"]).toBe("rgb(230, 230, 230)");
        // The design's easing: 200 ms, Figma's ease-out.
        const eased = await page.evaluate(() => {
          const w = globalThis as unknown as Win;
          const style = w.getComputedStyle(w.document.querySelector('[data-node-id="7:2"]')!);
          return [style.getPropertyValue("transition-duration"), style.getPropertyValue("transition-timing-function")];
        });
        expect(eased[0]).toMatch(/^0\.2s/);
        expect(eased[1]).toContain("cubic-bezier(0, 0, 0.58, 1)");
        await page.hover('[data-node-id="7:2"]');
        await expect.poll(() => stylesOf(page, ids(hover!.variant))).toEqual(expectHover);
        // The other button is not hovered: it stays as it is.
        expect((await stylesOf(page, [["7:3", false]]))[0]).toEqual(rest[0]);
        await page.mouse.down();
        await expect.poll(() => stylesOf(page, ids(press!.variant))).toEqual(expectPress);
        await page.mouse.up();
        // Less motion: no transition at all.
        await page.emulateMedia({ reducedMotion: "reduce" });
        const still = await page.evaluate(() => {
          const w = globalThis as unknown as Win;
          return w
            .getComputedStyle(w.document.querySelector('[data-node-id="7:2"]')!)
            .getPropertyValue("transition-property");
        });
        expect(still).toBe("none");
      });
    });
});

const TNT = JSON.parse(readFileSync(join(REPO_ROOT, "test/fixtures/real/tnt-website.file.json"), "utf8")) as unknown;

describe.runIf(runBrowser)("the TnT website's hover variants in Chromium (HTML)", () => {
  const browser = useBrowser();

  it("every hover that changes to a variant shows the variant's colours and sizes", { timeout: 240_000 }, async () => {
    const doc = loadDesign(TNT, [], {}, { topLevel: "frames" }).document;
    const options: CodeOptions = { target: "html", styling: "css-modules", nodeIds: true };
    const { files } = await pageOf(doc, options);
    const paths = htmlPagePaths(doc.frames.map((f) => f.name));
    // Each hovered layer with the page it is on.
    const hovered: { node: DesignNode; page: string }[] = [];
    doc.frames.forEach((frame, i) => {
      const stack = [frame];
      while (stack.length > 0) {
        const node = stack.pop()!;
        if (stateChanges(doc.prototype, doc.variants, node).some((c) => c.state === ":hover"))
          hovered.push({ node, page: paths[i]! });
        stack.push(...(node.children ?? []));
      }
    });
    expect(hovered.length).toBe(55);
    const expected = new Map<string, Awaited<ReturnType<typeof variantStyles>>>();
    for (const variant of Object.values(doc.variants ?? {}))
      expected.set(variant.id, await variantStyles(browser, TNT, variant, options));
    let same = 0;
    for (const page of new Set(hovered.map((h) => h.page)))
      await withPage(browser, files, page, { width: 1440, height: 900 }, async (p) => {
        await p.emulateMedia({ reducedMotion: "reduce" });
        const cdp = await p.context().newCDPSession(p);
        await cdp.send("DOM.enable");
        await cdp.send("CSS.enable");
        const { root } = await cdp.send("DOM.getDocument", { depth: 0 });
        for (const { node } of hovered.filter((h) => h.page === page)) {
          const { variant, main } = stateChanges(doc.prototype, doc.variants, node)[0]!;
          const pairs = matchLayers(node, variant);
          const ids = pairs.map(([l, v]) => [l.id, sizedApart(v, main && matchLayers(main, variant))] as const);
          const own = expected.get(variant.id)!;
          // The variant's layers in the same order as the hovered layer's pairs.
          const order = matchLayers(variant, variant).map(([l]) => l.id);
          const want = sizedOnly(
            pairs.map(([, v]) => own[order.indexOf(v.id)]!),
            ids.map(([, sized]) => sized),
          );
          const { nodeId } = await cdp.send("DOM.querySelector", {
            nodeId: root.nodeId,
            selector: `[data-node-id="${node.id}"]`,
          });
          await cdp.send("CSS.forcePseudoState", { nodeId, forcedPseudoClasses: ["hover"] });
          const got = await stylesOf(p, ids);
          await cdp.send("CSS.forcePseudoState", { nodeId, forcedPseudoClasses: [] });
          expect({ id: node.id, got }).toEqual({ id: node.id, got: want });
          same++;
        }
      });
    expect(same).toBe(55);
  });
});

describe.runIf(runBrowser)("the TnT website's text fields in Chromium: focused, each is its focused variant", () => {
  const browser = useBrowser();
  // The Login screen: two "Input field" instances whose click changes them to the variant "onclick" (read from the
  // prototype itself, so that the check of the page does not lean on stateChanges).
  const doc = loadDesign(TNT, ["231:124"]).document;
  const fields: { field: DesignNode; variant: DesignNode; main?: DesignNode }[] = [];
  const stack = [doc.frames[0]!];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const interaction of doc.prototype?.layers[node.id]?.interactions ?? [])
      for (const action of interaction.actions)
        if (interaction.trigger.type === "ON_CLICK" && action.type === "NODE" && action.navigation === "CHANGE_TO") {
          const main = node.component && doc.variants?.[node.component.id];
          fields.push({ field: node, variant: doc.variants![action.destinationId!]!, ...(main ? { main } : {}) });
        }
    stack.push(...(node.children ?? []));
  }

  it("reads the two fields' focus", () => {
    expect(fields.map((f) => [f.field.id, f.variant.name]).sort()).toEqual([
      ["235:159", "Property 1=onclick"],
      ["235:160", "Property 1=onclick"],
    ]);
    for (const { field } of fields)
      expect(stateChanges(doc.prototype, doc.variants, field, true).map((c) => c.state)).toEqual([":focus-within"]);
  });

  const targets: CodeOptions[] = [
    { target: "html", styling: "css-modules", nodeIds: true },
    { target: "react", styling: "css-modules", nodeIds: true },
    { target: "react", styling: "tailwind", nodeIds: true },
  ];
  for (const options of targets)
    it(`${options.target} (${options.styling}): the focused field looks as the variant`, async () => {
      const { files, entry } = await pageOf(doc, options);
      await withPage(browser, files, entry, { width: 1440, height: 900 }, async (page) => {
        await page.emulateMedia({ reducedMotion: "reduce" });
        for (const { field, variant, main } of fields) {
          const pairs = matchLayers(field, variant);
          const ids = pairs.map(([l, v]) => [l.id, sizedApart(v, main && matchLayers(main, variant))] as const);
          const own = await variantStyles(browser, TNT, variant, options);
          const order = matchLayers(variant, variant).map(([l]) => l.id);
          const want = sizedOnly(
            pairs.map(([, v]) => own[order.indexOf(v.id)]!),
            ids.map(([, sized]) => sized),
          );
          const other = fields.find((f) => f.field !== field)!.field;
          const rest = await stylesOf(page, ids);
          const otherRest = await stylesOf(page, [[other.id, false]]);
          // Not focused, it is not the variant (its outline is lighter); its input stays a text field.
          expect(rest[0]).not.toEqual(want[0]);
          const input = `[data-node-id="${field.id}"] input`;
          await page.focus(input);
          await expect.poll(() => stylesOf(page, ids)).toEqual(want);
          // Focused, the field keeps its input shown and focused: what the reader types goes in (a layer the focused
          // variant lacks, its placeholder's text, must not hide the input that has the focus).
          await page.keyboard.type("ab@c.de");
          expect(await page.locator(input).inputValue()).toBe("ab@c.de");
          expect(await page.locator(input).evaluate((e) => e === e.ownerDocument.activeElement)).toBe(true);
          await page.locator(input).fill("");
          // The other field is not focused: it stays as it is.
          expect(await stylesOf(page, [[other.id, false]])).toEqual(otherRest);
          await page.locator(input).blur();
          await expect.poll(() => stylesOf(page, ids)).toEqual(rest);
        }
      });
    });
});
