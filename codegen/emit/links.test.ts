import { describe, expect, it } from "vitest";
import { typecheckReactProjects } from "../../test/compile.js";
import { generateCode, loadDesign } from "../index.js";
import type { DesignNode } from "../design/types.js";
import type { LinkPlan } from "../prototype/links.js";
import { PROTOTYPE_FILE, STATES_FILE } from "../prototype/test-design.js";
import { usageKeepingLinks } from "./links.js";

describe("the prototype's links in React go through React Router", () => {
  it("links with <Link to>, goes back with useNavigate, and type-checks against React Router's types", async () => {
    const doc = loadDesign(PROTOTYPE_FILE).document;
    const sets = [];
    for (const styling of ["css-modules", "tailwind"] as const) {
      const { files } = await generateCode(doc, { target: "react", styling, nodeIds: false });
      const home = files.find((f) => f.path === "src/screens/Home.tsx")!.content;
      const about = files.find((f) => f.path === "src/screens/About.tsx")!.content;
      expect(home).toContain('import { Link, useNavigate } from "react-router";');
      expect(home).toMatch(/<Link[^>]*\sto="\/about"/);
      // Its dissolve plays around the router's navigation (src/transitions.ts).
      expect(home).toContain('import { transitionClick } from "../transitions";');
      expect(home).toMatch(
        /onClick=\{\(event\) =>\s+transitionClick\(event, "dissolve-300ms", \(\) => navigate\("\/about"\)\)/,
      );
      // A URL and an anchor stay the browser's links.
      expect(home).toMatch(/<a[^>]*\shref="https:\/\/example\.com\/"/);
      expect(about).toContain('import { useNavigate } from "react-router";');
      expect(about).toContain("const navigate = useNavigate();");
      // Back plays the reverse of the dissolve that came (src/transitions.ts's transitionBack).
      expect(about).toContain('import { transitionBack } from "../transitions";');
      expect(about).toContain("onClick={() => transitionBack(() => navigate(-1))}");
      sets.push(files);
    }
    sets.push(
      (
        await generateCode(loadDesign(STATES_FILE, ["7:1"]).document, {
          target: "react",
          styling: "tailwind",
          nodeIds: true,
        })
      ).files,
    );
    expect(typecheckReactProjects(sets).errors).toEqual([[], [], []]);
  });

  it("keeps HTML's links to files and history.back()", async () => {
    const { files } = await generateCode(loadDesign(PROTOTYPE_FILE).document, {
      target: "html",
      styling: "css-modules",
      nodeIds: false,
    });
    expect(files.find((f) => f.path === "home.html")!.content).toMatch(/<a[^>]*\shref="about\.html"/);
    expect(files.find((f) => f.path === "about.html")!.content).toContain('onclick="history.back()"');
  });
});

describe("an instance with a link inside it is drawn on its screen, where the link is", () => {
  const node = (id: string, children: DesignNode[] = []): DesignNode => ({ id, name: id, children }) as DesignNode;
  const plan: LinkPlan = {
    linkFor: (id) => (id === "I1;3" ? { kind: "route", to: "/cart" } : undefined),
    anchorFor: () => undefined,
    smooth: false,
  };
  it("keeps the component file for an instance without one, or one that is itself the link", () => {
    const usage = usageKeepingLinks(() => "Header", plan);
    expect(usage(node("I1", [node("I1;2", [node("I1;3")])]))).toBeUndefined();
    expect(usage(node("I2", [node("I2;2")]))).toBe("Header");
    expect(usage(node("I1;3"))).toBe("Header");
    expect(usageKeepingLinks(() => "Header", undefined)(node("I1", [node("I1;3")]))).toBe("Header");
  });
});
