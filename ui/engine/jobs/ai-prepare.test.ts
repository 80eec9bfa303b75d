/**
 * The plugin's model path with the document's component mapping (issue 26): ai-prepare puts the mappings the frame
 * uses into the prompt input, and the worker's generation checks the model's files against them — the plugin has no
 * library types, so the mapping itself says what is wrong (a value outside a value map, an import from elsewhere),
 * with file:line, and the repair turn is asked to fix it. Over real HTTP against the OpenAI-wire test server.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateModelCode } from "../../../ai/code/pipeline.js";
import { providerConfig } from "../../../ai/client/providers.js";
import { parseMappingJson } from "../../../codegen/components-map/json.js";
import { DEFAULT_SETTINGS } from "../../../contract/settings.js";
import { readFixture, REPO_ROOT } from "../../../test/helpers/fixtures.js";
import { responsesStream, type RecordedRequest } from "../../../test/openai-server/server.js";
import { scriptedServer, splitInto } from "../../../test/openai-server/scripted.js";
import { prepareModelCode } from "./ai-prepare.js";

const PNG = Uint8Array.from(
  Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
    "base64",
  ),
);
const MAP = parseMappingJson(
  readFileSync(join(REPO_ROOT, "test", "fixtures", "components", "components.json"), "utf8"),
).map;
const selfie = readFixture("figma-differ-selfie.nodes.json") as { nodes: Record<string, unknown> };
const EXPORTS = Object.entries(selfie.nodes).map(([id, json]) => ({ id, json }));
const REACT = { target: "react", styling: "css-modules", nodeIds: true } as const;

const prepare = (options: Parameters<typeof prepareModelCode>[0]["options"]) =>
  prepareModelCode({
    id: "w1",
    kind: "ai-prepare",
    exports: EXPORTS,
    png: PNG,
    options,
    model: "gpt-4.1",
    draft: false,
    instructions: "",
  });
const answer = (body: string): string =>
  JSON.stringify({
    notes: "",
    files: [
      {
        path: "src/App.tsx",
        content:
          `import { ListItem } from "@acme/ui";\n` +
          `export default function App() {\n` +
          `  return (\n` +
          `    <main>\n` +
          `      ${body}\n` +
          `    </main>\n` +
          `  );\n` +
          `}\n`,
      },
    ],
  });
const texts = (request: RecordedRequest): string => JSON.stringify(request.body);

const serve = scriptedServer();

describe("ai-prepare and ai-generate with the document's mapping", () => {
  it("the prompt input carries the mappings the frame uses (not sent), for React only", async () => {
    const react = await prepare({ ...REACT, components: MAP });
    expect(react.input.componentMap?.components.map((c) => c.import.name).sort()).toEqual([
      "Hint",
      "ListItem",
      "Title",
    ]);
    expect(react.input.components).toContain('import { ListItem } from "@acme/ui";');
    expect((await prepare({ ...REACT, target: "html", components: MAP })).input.componentMap).toBeUndefined();
    expect((await prepare(REACT)).input.componentMap).toBeUndefined();
  });

  it(
    "a value outside the mapping's value map is a component-usage " +
      "error with file:line, and the repair turn is asked for it",
    async () => {
      const { input } = await prepare({ ...REACT, components: MAP });
      const srv = await serve(
        responsesStream(splitInto(answer('<ListItem variant="tertiary" />'), 4), { id: "resp_wrong" }),
        responsesStream(splitInto(answer('<ListItem variant="secondary" />'), 4), { id: "resp_fixed" }),
      );
      const result = await generateModelCode(
        providerConfig({ ...DEFAULT_SETTINGS, baseUrl: srv.url }, "sk-test-mapping"),
        input,
      );
      expect(srv.requests).toHaveLength(2);
      for (const request of srv.requests) expect(request.schemaErrors).toEqual([]);
      expect(result.attempts[0]!.problems).toContainEqual(
        expect.objectContaining({
          severity: "error",
          code: "component-usage",
          file: "src/App.tsx",
          line: 5,
          column: 17,
        }),
      );
      expect(texts(srv.requests[1]!)).toContain(
        `src/App.tsx:5:17: <ListItem> prop variant: \\"tertiary\\" is not one of the ` +
          `mapping's values for the Figma property \\"Type\\" (\\"primary\\", \\"secondary\\")`,
      );
      expect(result.repair).toBe("kept");
      expect(result.problems.filter((p) => p.code === "component-usage")).toEqual([]);
    },
  );
});
