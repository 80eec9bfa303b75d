/** The model's use of the team's components, checked against the mapping itself (no library types). */
import { describe, expect, it } from "vitest";
import type { ComponentMap } from "../components-map/model.js";
import { checkComponentUsage } from "./component-usage.js";

const MAP: ComponentMap = {
  components: [
    {
      figma: { nodeId: "1:1" },
      import: { module: "@acme/ui", name: "ListItem" },
      props: {
        variant: { kind: "variant", property: "Type", values: { Primary: "primary", Secondary: "secondary" } },
        selected: { kind: "boolean", property: "Checkbox" },
        size: {
          kind: "nested",
          layer: "Icon",
          source: { kind: "variant", property: "Size", values: { Small: 16, Large: 24 } },
        },
        icon: {
          kind: "variant",
          property: "Icon",
          jsx: { Left: { code: "<ArrowLeft />", imports: [{ module: "@acme/icons", name: "ArrowLeft" }] } },
        },
      },
    },
    // The same component for another variant: its values count too.
    {
      figma: { nodeId: "1:1", variant: { Type: "Tertiary" } },
      import: { module: "@acme/ui", name: "ListItem" },
      props: {
        variant: { kind: "value", value: "tertiary" },
        tone: { kind: "variant", property: "Tone", values: { Dark: "dark" } },
      },
    },
    { figma: { nodeId: "2:1" }, import: { module: "@acme/brand", name: "Logo", default: true }, props: {} },
  ],
};

const file = (...lines: string[]): { path: string; content: string } => ({
  path: "src/screens/Home.tsx",
  content: `${lines.join("\n")}\n`,
});
const where = (problems: ReturnType<typeof checkComponentUsage>): string[] =>
  problems.map((p) => `${p.severity} ${p.code} ${p.file}:${p.line}:${p.column} ${p.message}`);

describe("checkComponentUsage", () => {
  it("accepts the mapping's imports and values, props it does not mention, and values that are not literals", () => {
    const ok = file(
      'import { ListItem as Row } from "@acme/ui";',
      'import { ArrowLeft } from "@acme/icons";',
      'import Brand from "@acme/brand";',
      'import { Card } from "@acme/ui";',
      "export function Home({ tone }: { tone: string }) {",
      '  return <Card><Brand /><Row variant="secondary" selected size={24} icon={<ArrowLeft ' +
        '/>} onClick={() => 1} title="Any" tone={tone} /><Row variant={"tertiary"} /></Card>;',
      "}",
    );
    expect(checkComponentUsage([ok], MAP)).toEqual([]);
  });

  it("a literal outside a value map is an error at its attribute, naming the Figma property and the values", () => {
    const bad = file(
      'import { ListItem } from "@acme/ui";',
      "export const a = (",
      '  <ListItem variant="huge" size={20} selected={false} />',
      ");",
    );
    expect(where(checkComponentUsage([bad], MAP))).toEqual([
      'error component-usage src/screens/Home.tsx:3:13 <ListItem> prop variant: "huge" is not one ' +
        'of the mapping\'s values for the Figma property "Type" ("primary", "secondary", "tertiary")',
      "error component-usage src/screens/Home.tsx:3:28 <ListItem> prop size: 20 is not one of " +
        'the mapping\'s values for the Figma property "Size" of the nested layer "Icon" (16, 24)',
    ]);
  });

  it("a mapped component from another module, or as another export, is an error at its import", () => {
    const bad = file(
      'import { ListItem } from "../components/ListItem";',
      'import { Logo } from "@acme/brand";',
      'import { Other as ListItem2, PrimaryRow as Row } from "@acme/ui";',
      'import ArrowLeft from "@acme/icons/arrow-left";',
      'export const a = <ListItem variant="huge" />;',
    );
    expect(where(checkComponentUsage([bad], MAP))).toEqual([
      'error component-usage src/screens/Home.tsx:1:10 imports ListItem from "../components/ListItem", ' +
        'but the team\'s ListItem comes from "@acme/ui" (the mapping): import { ListItem } from "@acme/ui"',
      'error component-usage src/screens/Home.tsx:2:10 imports Logo from "@acme/brand" by name, ' +
        'but the mapping imports Logo as the module\'s default export: import Logo from "@acme/brand"',
      'error component-usage src/screens/Home.tsx:4:8 imports ArrowLeft from "@acme/icons/arrow-left", but ' +
        'the team\'s ArrowLeft comes from "@acme/icons" (the mapping): import { ArrowLeft } from "@acme/icons"',
    ]);
    const renamed = file('import { Row as ListItem } from "@acme/ui";', "export const a = <ListItem />;");
    expect(where(checkComponentUsage([renamed], MAP))).toEqual([
      'error component-usage src/screens/Home.tsx:1:10 imports Row of "@acme/ui" as ListItem, ' +
        'but the mapping\'s ListItem is the export ListItem: import { ListItem } from "@acme/ui"',
    ]);
  });

  it(
    "reads values written through `as const`, a template, or a " +
      "conditional of literals, and components through a namespace import",
    () => {
      const bad = file(
        'import * as UI from "@acme/ui";',
        'import * as Brand from "@acme/brand";',
        "export const a = (on: boolean) => (",
        '  <UI.ListItem variant={on ? "primary" : "huge"} tone={`light`} ' +
          "size={24 as const}><Brand.default /></UI.ListItem>",
        ");",
      );
      expect(where(checkComponentUsage([bad], MAP))).toEqual([
        'error component-usage src/screens/Home.tsx:4:16 <UI.ListItem> prop variant: "huge" is not one ' +
          'of the mapping\'s values for the Figma property "Type" ("primary", "secondary", "tertiary")',
        'error component-usage src/screens/Home.tsx:4:50 <UI.ListItem> prop tone: "light" ' +
          'is not one of the mapping\'s values for the Figma property "Tone" ("dark")',
      ]);
      const ok = file(
        'import * as UI from "@acme/ui";',
        "export const a = (on: boolean, v: string) => <UI.ListItem " +
          'variant={on ? "primary" : v} size={(16)} tone={"dark" as const} />;',
      );
      expect(checkComponentUsage([ok], MAP)).toEqual([]);
    },
  );

  it(
    "a file that writes its own component under a mapped name is an " +
      "error at the declaration; other components are its own business",
    () => {
      const own = {
        path: "src/components/ListItem.tsx",
        content: [
          "export function ListItem({ label }: { label: string }) {",
          "  return <li>{label}</li>;",
          "}",
          "export const Logo = () => <svg />;",
          "const ArrowLeft = styled.svg``;",
          "export const Card = () => <div />;",
          "",
        ].join("\n"),
      };
      expect(where(checkComponentUsage([own], MAP))).toEqual([
        "error component-usage src/components/ListItem.tsx:1:17 defines its own ListItem, but the team's " +
          'ListItem comes from "@acme/ui" (the mapping): import { ListItem } from "@acme/ui" and use it instead',
        "error component-usage src/components/ListItem.tsx:4:14 defines its own Logo, but the team's " +
          'Logo comes from "@acme/brand" (the mapping): import Logo from "@acme/brand" and use it instead',
        "error component-usage src/components/ListItem.tsx:5:7 defines its own ArrowLeft, but the team's ArrowLeft " +
          'comes from "@acme/icons" (the mapping): import { ArrowLeft } from "@acme/icons" and use it instead',
      ]);
    },
  );

  it("with the library's types for a module, only where its components come from is checked", () => {
    const typed = file('import { ListItem } from "@acme/ui";', 'export const a = <ListItem variant="huge" />;');
    expect(checkComponentUsage([typed], MAP, { typedModules: ["@acme/ui"] })).toEqual([]);
    const moved = file('import { ListItem } from "./ListItem";', "export const a = <ListItem />;");
    expect(checkComponentUsage([moved], MAP, { typedModules: ["@acme/ui"] })).toHaveLength(1);
  });

  it("checks nothing without a mapping, in styles and assets, or in files that import none of it", () => {
    expect(checkComponentUsage([file('import { ListItem } from "./x";')], undefined)).toEqual([]);
    expect(checkComponentUsage([file('import { ListItem } from "./x";')], { components: [] })).toEqual([]);
    expect(
      checkComponentUsage(
        [
          { path: "src/a.css", content: "a { b: c }" },
          { path: "src/App.tsx", content: 'export const A = () => <div variant="x" />;\n' },
        ],
        MAP,
      ),
    ).toEqual([]);
  });
});
