/** A two-page REST file composed from two real fixtures, with sections, for Search's tests. */
import { readFigmaFixture } from "../figma-sim/node.js";
import type { Json } from "../figma-sim/sim.js";

/** Two pages from two real files: the login screen in a section (and a nested one), the dialog page as it is. */
export function sectionedFile(): Json {
  const login = readFigmaFixture("figmasharp-login.file.json") as { document: { children: Json[] } };
  const dialog = readFigmaFixture("figmasharp-bundler-dialog.file.json") as { document: { children: Json[] } };
  const frame = (login.document.children[0]!["children"] as Json[])[0]!;
  const box = { x: 800, y: 400, width: 600, height: 800 };
  const section = {
    id: "900:1",
    name: "Onboarding",
    type: "SECTION",
    absoluteBoundingBox: box,
    children: [frame, { id: "900:2", name: "Archive", type: "SECTION", absoluteBoundingBox: box, children: [] }],
  };
  return {
    name: "Sectioned",
    document: {
      id: "0:0",
      type: "DOCUMENT",
      name: "Document",
      children: [
        { ...dialog.document.children[0]!, id: "0:1", name: "Dialogs" },
        { id: "0:2", type: "CANVAS", name: "Onboarding", children: [section] },
      ],
    },
    components: {},
    componentSets: {},
    styles: {},
  };
}
