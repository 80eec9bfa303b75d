import { describe, expect, it } from "vitest";
import { typecheckReactProjects } from "../../test/compile.js";
import { generateCode, loadDesign } from "../index.js";
import { PROTOTYPE_FILE, STATES_FILE } from "../prototype/test-design.js";

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
      expect(about).toContain("onClick={() => navigate(-1)}");
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
