/**
 * Code Connect files read without running them: the fixtures equal the mapping file; what cannot be read is a note with
 * file:line.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../test/helpers/fixtures.js";
import { nodeIdFromUrl, parseCodeConnect, parseCodeConnectText } from "./code-connect.js";
import { parseMappingJson } from "./json.js";

const DIR = join(REPO_ROOT, "test", "fixtures", "components");
const read = (name: string): { name: string; text: string } => ({ name, text: readFileSync(join(DIR, name), "utf8") });

const strip = <T extends { source?: string }>(list: T[]): Omit<T, "source">[] =>
  list.map(({ source: _s, ...rest }) => rest);

describe("Code Connect files", () => {
  it("read into the same mapping as the equivalent components.json, with file:line sources", () => {
    const { map, notes } = parseCodeConnect([read("Button.figma.tsx"), read("Selfie.figma.tsx")]);
    expect(notes).toEqual([]);
    const json = parseMappingJson(readFileSync(join(DIR, "components.json"), "utf8")).map;
    expect(strip(map.components)).toEqual(strip(json.components));
    expect(map.components.map((c) => c.source)).toEqual([
      "Button.figma.tsx:5",
      "Selfie.figma.tsx:6",
      "Selfie.figma.tsx:18",
      "Selfie.figma.tsx:26",
    ]);
  });

  it("takes node ids from URLs", () => {
    expect(nodeIdFromUrl("https://www.figma.com/design/KEY/File?node-id=1-23&m=dev")).toBe("1:23");
    expect(nodeIdFromUrl("https://www.figma.com/file/KEY/File?type=design&node-id=12%3A34")).toBe("12:34");
    expect(nodeIdFromUrl("https://www.figma.com/design/KEY/File")).toBeUndefined();
  });

  it("reads the issue's example: figma.string, enum, boolean, instance, a variant restriction and aliases", () => {
    const text =
      `import figma from "@figma/code-connect";
import { Button as AcmeButton } from "@acme/ui";
import * as UI from "@acme/icons";

figma.connect(AcmeButton, "https://www.figma.com/design/KEY/File?node-id=1-23", {
  variant: { Size: "Large" },
  props: { label: figma.string("Label"), variant: figma.enum("Variant", { Primary: "primary", Ghost: "ghost" }),
           disabled: figma.boolean("Disabled"), icon: figma.instance("Icon"), unused: figma.string("Other") },
  example: ({ label, variant, disabled, icon }) => <AcmeButton variant={variant} disabled={disabled} icon={icon} ` +
      `size="lg">{label}</AcmeButton>,
});
figma.connect(UI.Star, "https://www.figma.com/design/KEY/File?node-id=4-5", {});
`;
    const { map, notes } = parseCodeConnectText("Button.figma.tsx", text);
    expect(notes).toEqual([]);
    expect(map.components[0]).toEqual({
      figma: { nodeId: "1:23", variant: { Size: "Large" } },
      import: { module: "@acme/ui", name: "Button" },
      props: {
        variant: { kind: "variant", property: "Variant", values: { Primary: "primary", Ghost: "ghost" } },
        disabled: { kind: "boolean", property: "Disabled" },
        icon: { kind: "instance", property: "Icon" },
        size: { kind: "value", value: "lg" },
        children: { kind: "text", property: "Label" },
      },
      source: "Button.figma.tsx:5",
    });
    // Without an example every prop goes by its own name (none here).
    expect(map.components[1]).toMatchObject({
      figma: { nodeId: "4:5" },
      import: { module: "@acme/icons", name: "Star" },
      props: {},
    });
  });

  it("notes what cannot be read statically, with file:line, and keeps the rest", () => {
    const text =
      `import figma from "@figma/code-connect";
import { Button } from "@acme/ui";
const URL = "https://www.figma.com/design/KEY/File?node-id=9-9";
figma.connect(Button, URL, {});
figma.connect(Button, "https://www.figma.com/design/KEY/File", {});
figma.connect(Local, "https://www.figma.com/design/KEY/File?node-id=1-2", {});
figma.connect(Button, "https://www.figma.com/design/KEY/File?node-id=3-4", {
  props: { label: figma.string("Label"), tone: figma.enum("Tone", { Dark: <Dark /> }), nested: ` +
      `figma.nestedProps(INNER, {}), computed: makeProp() },
  example: ({ label, tone }) => <Button tone={tone} onClick={() => go()}>{label}</Button>,
});
`;
    const { map, notes } = parseCodeConnectText("Mixed.figma.tsx", text);
    const lines = notes.map((n) => `${n.line}: ${n.message}`);
    expect(lines.some((l) => l.startsWith("4: ") && l.includes("must be a string literal"))).toBe(true);
    expect(lines.some((l) => l.startsWith("5: ") && l.includes("has no node-id"))).toBe(true);
    expect(lines.some((l) => l.startsWith("6: ") && l.includes("Local is not imported"))).toBe(true);
    expect(
      lines.some(
        (l) =>
          l.startsWith("8: ") &&
          l.includes(
            'figma.enum("Tone"): the JSX <Dark /> cannot be kept as code: it uses Dark, which the file does not import',
          ),
      ),
    ).toBe(true);
    expect(
      lines.some((l) => l.startsWith("8: ") && l.includes("figma.nestedProps needs the layer's name as a string")),
    ).toBe(true);
    expect(lines.some((l) => l.startsWith("8: ") && l.includes("makeProp() is not a figma.* helper"))).toBe(true);
    expect(lines.some((l) => l.startsWith("9: ") && l.includes("() => go() cannot be read statically"))).toBe(true);
    expect(
      notes.every((n) => n.file === "Mixed.figma.tsx" && n.message.startsWith(`Mixed.figma.tsx:${n.line}: `)),
    ).toBe(true);
    expect(map.components).toHaveLength(1);
    expect(map.components[0]!.props).toEqual({
      tone: { kind: "variant", property: "Tone", values: {} },
      children: { kind: "text", property: "Label" },
    });
  });

  it("a file with syntax errors is a note naming its line; the other files still count", () => {
    const broken = {
      name: "Broken.figma.tsx",
      text:
        'import figma from "@figma/code-connect";\n' +
        'figma.connect(Button, "x", {\n' +
        '  props: { label: figma.string("Label") \n',
    };
    const { map, notes } = parseCodeConnect([broken, read("Button.figma.tsx")]);
    expect(map.components.map((c) => c.import.name)).toEqual(["Button"]);
    expect(notes.length).toBeGreaterThan(0);
    expect(notes[0]).toMatchObject({ severity: "error", file: "Broken.figma.tsx" });
    expect(notes[0]!.message).toMatch(/^Broken\.figma\.tsx:\d+: syntax error: .+; the file is left out$/);
    expect(notes.map((n) => n.message).join("\n")).not.toContain(".;");
  });

  it("keeps JSX in value maps as code with its imports, and reads undefined as no prop", () => {
    const text = `import figma from "@figma/code-connect";
import { Button } from "@acme/ui";
import { ArrowLeft, Star } from "@acme/icons";
import Spinner from "@acme/spinner";

figma.connect(Button, "https://www.figma.com/design/KEY/File?node-id=1-23", {
  props: {
    icon: figma.enum("Icon", { Left: <ArrowLeft size={16} />, Busy: (<Spinner />), Text: "text", None: undefined }),
    badge: figma.boolean("Has badge", { true: <Star filled />, false: undefined }),
  },
  example: ({ icon, badge }) => <Button icon={icon} badge={badge} />,
});
`;
    const { map, notes } = parseCodeConnectText("Icons.figma.tsx", text);
    expect(notes).toEqual([]);
    expect(map.components[0]!.props).toEqual({
      icon: {
        kind: "variant",
        property: "Icon",
        values: { Text: "text" },
        jsx: {
          Left: { code: "<ArrowLeft size={16} />", imports: [{ module: "@acme/icons", name: "ArrowLeft" }] },
          Busy: { code: "<Spinner />", imports: [{ module: "@acme/spinner", name: "Spinner", default: true }] },
        },
        omit: ["None"],
      },
      badge: {
        kind: "boolean",
        property: "Has badge",
        jsx: { true: { code: "<Star filled />", imports: [{ module: "@acme/icons", name: "Star" }] } },
      },
    });
  });

  it("JSX that uses what the file does not import by name is a note with file:line; the other values stay", () => {
    const text = `import figma from "@figma/code-connect";
import { Button } from "@acme/ui";
import * as Icons from "@acme/icons";
import { Star as S } from "@acme/icons";

figma.connect(Button, "https://www.figma.com/design/KEY/File?node-id=1-23", {
  props: { icon: figma.enum("Icon", { A: <Icons.Left />, B: <S />, C: <Local />, D: <svg viewBox="0 0 1 1" /> }) },
  example: ({ icon }) => <Button icon={icon} />,
});
`;
    const { map, notes } = parseCodeConnectText("Bad.figma.tsx", text);
    const messages = notes.map((n) => `${n.line}: ${n.message}`);
    expect(messages).toEqual([
      '7: Bad.figma.tsx:7: figma.enum("Icon"): the JSX <Icons.Left /> cannot be kept as code: it ' +
        "uses the namespace import Icons (import the components by name); that value is left out",
      '7: Bad.figma.tsx:7: figma.enum("Icon"): the JSX <S /> cannot be kept as code: it ' +
        "uses Star under the name S (import it under its own name); that value is left out",
      '7: Bad.figma.tsx:7: figma.enum("Icon"): the JSX <Local /> cannot be kept as ' +
        "code: it uses Local, which the file does not import; that value is left out",
    ]);
    // An element of the page itself needs no import.
    expect(map.components[0]!.props["icon"]).toEqual({
      kind: "variant",
      property: "Icon",
      jsx: { D: { code: '<svg viewBox="0 0 1 1" />', imports: [] } },
    });
  });

  it("reads figma.className from its parts, and figma.nestedProps by the fields the example uses", () => {
    const text =
      `import figma from "@figma/code-connect";
import { Button } from "@acme/ui";

figma.connect(Button, "https://www.figma.com/design/KEY/File?node-id=1-23", {
  props: {
    className: figma.className(["btn", figma.enum("Size", { Large: "btn-lg" }), figma.boolean("Disabled", { true: ` +
      `"btn-off", false: "" }), undefined]),
    icon: figma.nestedProps("Icon", { glyph: figma.enum("Glyph", { Arrow: "arrow" }), label: figma.string("Label") ` +
      `}),
    badge: figma.nestedProps("Badge", { count: figma.string("Count") }),
  },
  example: ({ className, icon, badge }) => <Button className={className} glyph={icon.glyph} ` +
      `{...badge}>{icon.label}</Button>,
});
`;
    const { map, notes } = parseCodeConnectText("Nested.figma.tsx", text);
    expect(notes).toEqual([]);
    expect(map.components[0]!.props).toEqual({
      className: {
        kind: "className",
        parts: [
          { kind: "value", value: "btn" },
          { kind: "variant", property: "Size", values: { Large: "btn-lg" } },
          { kind: "boolean", property: "Disabled", values: { true: "btn-off", false: "" } },
        ],
      },
      glyph: {
        kind: "nested",
        layer: "Icon",
        source: { kind: "variant", property: "Glyph", values: { Arrow: "arrow" } },
      },
      count: { kind: "nested", layer: "Badge", source: { kind: "text", property: "Count" } },
      children: { kind: "nested", layer: "Icon", source: { kind: "text", property: "Label" } },
    });
  });

  it("what figma.className and figma.nestedProps cannot give is a note with file:line", () => {
    const text = `import figma from "@figma/code-connect";
import { Button } from "@acme/ui";
import { Star } from "@acme/icons";

figma.connect(Button, "https://www.figma.com/design/KEY/File?node-id=1-23", {
  props: {
    className: figma.className(["btn", figma.instance("Icon"), figma.enum("Size", { Large: <Star /> })]),
    icon: figma.nestedProps("Icon", { glyph: figma.enum("Glyph", { Arrow: "arrow" }) }),
    other: figma.nestedProps("Other", { size: figma.string("Size") }),
  },
  example: ({ className, icon }) => <Button className={className} icon={icon} tone={icon.tone} />,
});
figma.connect(Button, "https://www.figma.com/design/KEY/File?node-id=4-5", {
  props: { icon: figma.nestedProps("Icon", { glyph: figma.string("Glyph") }) },
});
`;
    const { map, notes } = parseCodeConnectText("Partial.figma.tsx", text);
    const lines = notes.map((n) => `${n.line}: ${n.message.replace(/^Partial\.figma\.tsx:\d+: /, "")}`);
    expect(lines).toEqual([
      '7: figma.className: figma.instance("Icon") gives no class name; left out',
      "7: figma.className: JSX in a value map is no class name; those values are left out",
      "11: icon is figma.nestedProps, an object: use its fields (icon.glyph); left out",
      '11: figma.nestedProps "Icon" declares no tone; left out',
      "14: icon is figma.nestedProps, an object: without an example that uses its fields it is left out",
    ]);
    expect(map.components[0]!.props).toEqual({
      className: {
        kind: "className",
        parts: [
          { kind: "value", value: "btn" },
          { kind: "variant", property: "Size", values: {} },
        ],
      },
    });
    expect(map.components[1]!.props).toEqual({});
  });
});
