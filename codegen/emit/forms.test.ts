import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { DesignNode } from "../design/types";
import { emitFiles, loadDesign } from "../index";
import { fieldTexts, fieldType, planForm } from "./forms";
import { tagsOnOneLine } from "../../test/helpers/html-tags.js";

const FIXTURES = new URL("../../test/fixtures/figma/", import.meta.url);
const fixture = (name: string): DesignNode[] =>
  loadDesign(JSON.parse(readFileSync(new URL(name, FIXTURES), "utf8")) as unknown).document.frames;
const screen = { ids: true, rootCanBeField: false };

function find(root: DesignNode, test: (n: DesignNode) => boolean): DesignNode | undefined {
  if (test(root)) return root;
  for (const c of root.children ?? []) {
    const hit = find(c, test);
    if (hit) return hit;
  }
  return undefined;
}
const byText = (root: DesignNode, chars: string): DesignNode => find(root, (n) => n.text?.chars === chars)!;
const file = (files: { path: string; content: string }[], path: string): string =>
  files.find((f) => f.path === path)?.content ?? "";

const text = (chars: string, extra: Partial<DesignNode> = {}, color = "#9e9e9e"): DesignNode => ({
  id: `t-${chars}`,
  name: chars,
  kind: "text",
  x: 12,
  y: 10,
  w: 200,
  h: 20,
  text: {
    chars,
    style: { family: "Inter", size: 14, weight: 400, lineHeight: 20, color },
    resize: "none",
    alignH: "left",
    alignV: "top",
  },
  ...extra,
});
const box = (name: string, children: DesignNode[], extra: Partial<DesignNode> = {}): DesignNode => ({
  id: `b-${name}`,
  name,
  kind: "frame",
  x: 20,
  y: 60,
  w: 280,
  h: 40,
  fills: [{ kind: "solid", color: "#ffffff" }],
  stroke: { color: "#d0d0d0", weight: 1, align: "inside" },
  radius: 8,
  children,
  ...extra,
});
const page = (children: DesignNode[]): DesignNode => ({
  id: "0:1",
  name: "Page",
  kind: "frame",
  w: 320,
  h: 480,
  children,
});

describe("form fields on the real login screen (figmasharp-login)", () => {
  const [login] = fixture("figmasharp-login.file.json");

  it("the email and password texts in the white box become email and password inputs, named by their text", () => {
    const plan = planForm(login!, screen);
    const email = byText(login!, "Email address");
    const password = byText(login!, "Password");
    expect(plan.inputs.get(email.id)).toEqual({
      type: "email",
      placeholder: "Email address",
      ariaLabel: "Email address",
    });
    expect(plan.inputs.get(password.id)).toEqual({ type: "password", placeholder: "Password", ariaLabel: "Password" });
    expect(plan.inputs.size).toBe(2);
    // One box holds both fields: it is no single field's label.
    expect(plan.wrappers.size).toBe(0);
  });

  it("the rest of the screen is not a field: the red Log In button, the links, the address, the status bar", () => {
    const plan = planForm(login!, screen);
    for (const chars of [
      "Log In",
      "Forgot your password?",
      "Don’t have an account?",
      "151 3rd St\nSan Francisco, CA 94103",
      "9:42 AM",
    ]) {
      expect(plan.inputs.has(byText(login!, chars).id), chars).toBe(false);
    }
  });

  it(
    "HTML: <input type=email placeholder aria-label>, the " +
      "placeholder's colour on ::placeholder, the box unchanged",
    () => {
      const { files } = emitFiles(
        { frames: [login!], assets: {} },
        { target: "html", styling: "css-modules", nodeIds: false },
      );
      const html = tagsOnOneLine(file(files, "index.html"));
      expect(html).toContain(
        '<input class="email-address" type="email" placeholder="Email address" aria-label="Email address" />',
      );
      expect(html).toContain('<input class="password" type="password" placeholder="Password" aria-label="Password" />');
      expect(html).not.toContain(">Email address<");
      const css = file(files, "styles.css");
      expect(css).toContain(".email-address::placeholder {\n  color: #000000;\n  opacity: 1;\n}");
      expect(css).toMatch(/\.email-address \{[^}]*font-size: 12px;[^}]*background: transparent;/);
      // The text drew its 14.06px line at the top of an 18px box; the input keeps the box and the line's place.
      expect(css).toMatch(/\.email-address \{[^}]*padding: 0 0 3\.94px;[^}]*height: calc\(100% - 14px - 52px\);/);
    },
  );

  it("React: self-closing inputs; CSS modules with ::placeholder, Tailwind with placeholder: classes", () => {
    const modules = emitFiles(
      { frames: [login!], assets: {} },
      { target: "react", styling: "css-modules", nodeIds: false },
    );
    const tsx = file(modules.files, "src/screens/LogInPage.tsx");
    // Printed as the format pass prints it: one attribute a line (the element is wider than the line).
    expect(tsx.replace(/\s*\n\s*/g, " ")).toContain(
      '<input className={styles.emailAddress} type="email" placeholder="Email address" aria-label="Email address" />',
    );
    expect(file(modules.files, "src/screens/LogInPage.module.css")).toContain(".password::placeholder {");
    const tailwind = emitFiles(
      { frames: [login!], assets: {} },
      { target: "react", styling: "tailwind", nodeIds: false },
    );
    const tw = file(tailwind.files, "src/screens/LogInPage.tsx").replace(/\s*\n\s*/g, " ");
    expect(tw).toMatch(
      new RegExp(
        String.raw`<input className="[^"]*text-xs leading-\[14\.06px\][^"]* placeholder:text-black ` +
          String.raw`placeholder:opacity-100" type="password" placeholder="Password" aria-label="Password" \/>`,
      ),
    );
  });
});

describe("a labelled field with a value (figmasharp-bundler-dialog)", () => {
  const frames = fixture("figmasharp-bundler-dialog.file.json");
  const dialog = frames.find((f) => find(f, (n) => n.name === "Text Field/Standard"))!;

  it(
    "the text field shows a value, not a hint: value; the " + "'Figma URL:' text left of it becomes its <label for>",
    () => {
      const plan = planForm(dialog, screen);
      const field = find(dialog, (n) => n.name === "Text Field/Standard")!;
      const label = byText(dialog, "Figma URL:");
      expect(plan.wrappers.has(field.id)).toBe(false);
      expect(plan.labels.get(label.id)).toBe("figma-url");
      expect([...plan.inputs.values()]).toEqual([{ type: "text", value: "FwVa4JS5QsohRhNEnEBKslFk", id: "figma-url" }]);
      const { files } = emitFiles(
        { frames: [dialog], assets: {} },
        { target: "html", styling: "css-modules", nodeIds: false },
      );
      const html = tagsOnOneLine(file(files, "index.html"));
      expect(html).toContain('<label class="figma-url" for="figma-url">Figma URL:</label>');
      expect(html).toMatch(
        new RegExp(
          String.raw`<div class="text-field-standard">[\s\S]*?<input class="lbl\d*" ` +
            String.raw`type="text" value="FwVa4JS5QsohRhNEnEBKslFk" id="figma-url" \/>\s*<\/div>`,
        ),
      );
    },
  );

  it("React: the component draws its field with defaultValue from its text prop and an aria-label", () => {
    const { files } = emitFiles(
      { frames: [dialog], assets: {} },
      { target: "react", styling: "css-modules", nodeIds: false },
    );
    const component = files.find((f) => /TextField/.test(f.path) && f.path.endsWith(".tsx"))!.content;
    expect(component).toMatch(
      /<input className=\{styles\.\w+\} type="text" defaultValue=\{\w+\} aria-label="Text Field" \/>/,
    );
  });
});

describe("not fields", () => {
  it("the design system's Select component: a chooser, not a text input", () => {
    const frames = fixture("figmagic-design-system.file.json");
    const select = frames.find((f) => f.name === "Select")!;
    expect(byText(select, "Select Box")).toBeDefined();
    expect(planForm(select, { ids: false, rootCanBeField: true }).inputs.size).toBe(0);
  });

  it("a card with a grey title and description, a centred button, a chip, a multi-line note", () => {
    const card = box("Card", [text("Your order"), text("Arrives Tuesday", { y: 40 })], { h: 120 });
    expect(fieldTexts(card)).toEqual([]);
    const button = box("", [text("Search…", { text: { ...text("Search…").text!, alignH: "center" } })], {
      fills: [{ kind: "solid", color: "#2255ff" }],
    });
    expect(fieldTexts(button)).toEqual([]);
    expect(fieldTexts(box("Chip", [text("Design")]))).toEqual([]);
    expect(fieldTexts(box("", [text("Enter your\nname")], { h: 60 }))).toEqual([]);
    // The same box, unpainted (no background, no outline), is just text.
    expect(fieldTexts(box("", [text("Enter your email")], { fills: [], stroke: undefined }))).toEqual([]);
    // Too tall for its one line, or too narrow.
    expect(fieldTexts(box("", [text("Search…")], { h: 120 }))).toEqual([]);
    expect(fieldTexts(box("", [text("Search…")], { w: 60 }))).toEqual([]);
  });
});

describe("fields by shape and words", () => {
  it("a grey hint in an outlined box becomes an input; a label just above names it", () => {
    const field = box("", [text("Enter your email")]);
    const label = text("Email", { id: "label", x: 20, y: 36, h: 18 }, "#111111");
    const plan = planForm(page([label, field]), screen);
    expect(plan.inputs.get("t-Enter your email")).toEqual({
      type: "email",
      placeholder: "Enter your email",
      id: "email",
    });
    expect(plan.labels.get("label")).toBe("email");
    expect(plan.wrappers.has(field.id)).toBe(false);
    // Without a visible label, the box is the field's label and the field is named by its hint.
    expect(planForm(page([field]), screen).wrappers.has(field.id)).toBe(true);
    // In a component (drawn many times) the same label names it by aria-label.
    expect(
      planForm(page([label, field]), { ids: false, rootCanBeField: false }).inputs.get("t-Enter your email"),
    ).toEqual({ type: "email", placeholder: "Enter your email", ariaLabel: "Email" });
  });

  it("a box named as an input, a search box with an icon, a background rectangle instead of a fill", () => {
    expect(fieldTexts(box("Text field", [text("Jane Doe", {}, "#111111")]))).toHaveLength(1);
    const icon: DesignNode = { id: "i", name: "Magnifier", kind: "vector", x: 250, y: 12, w: 16, h: 16 };
    expect(fieldTexts(box("", [text("Search…"), icon]))).toHaveLength(1);
    const bg: DesignNode = {
      id: "bg",
      name: "",
      kind: "rect",
      x: 0,
      y: 0,
      w: 280,
      h: 40,
      fills: [{ kind: "solid", color: "#f2f2f2" }],
    };
    expect(
      fieldTexts(box("", [bg, text("Phone number")], { fills: [], stroke: undefined, kind: "group" })),
    ).toHaveLength(1);
  });

  it("types from the words", () => {
    expect(
      ["Email address", "you@example.com", "Password", "Search…", "Phone number", "Website", "Full name"].map(
        fieldType,
      ),
    ).toEqual(["email", "email", "password", "search", "tel", "url", "text"]);
  });

  it("auto layout: the label is the text just before the box in the flow", () => {
    const field = box("Input", [text("name@company.com")], { x: undefined, y: undefined });
    const label = text("Work email", { id: "label", x: undefined, y: undefined }, "#111111");
    const column: DesignNode = {
      ...page([label, field]),
      layout: { dir: "column", gap: 6, padding: [0, 0, 0, 0], justify: "start", align: "stretch" },
    };
    const plan = planForm(column, screen);
    expect(plan.labels.get("label")).toBe("work-email");
    expect(plan.inputs.get("t-name@company.com")).toMatchObject({ type: "email", id: "work-email" });
  });
});
