import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../../../contract/settings.js";
import { responsesStream } from "../../../test/openai-server/server.js";
import { scriptedServer } from "../../../test/openai-server/scripted.js";
import { providerConfig } from "../../client/providers.js";
import { generateModelCode } from "../pipeline.js";
import { firstImages, responsesRequest, userTexts, type PromptInput } from "../prompt.js";
import { wholePageInput } from "./refine.js";

const PNG =
  "data:image/png;base64," +
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";
const RENDERED = PNG.replace("Jggg", "JgggA");
const PAGE: PromptInput = {
  target: "react",
  styling: "css-modules",
  imageDataUrl: PNG,
  hint: "figment-hint 1\nF 1:2 Home 1440x5000",
  nodeIds: true,
  assets: [{ path: "src/assets/logo.svg", content: "<svg/>" }],
};
const FILES = [
  {
    path: "src/App.tsx",
    content: 'import { Hero } from "./sections/Hero";\n\nexport default function App() {\n  return <Hero />;\n}\n',
  },
  { path: "src/sections/Hero.tsx", content: "export function Hero() {\n  return <h1>Hero</h1>;\n}\n" },
  { path: "src/sections/Footer.tsx", content: "export function Footer() {\n  return <footer>Footer</footer>;\n}\n" },
  { path: "src/assets/logo.svg", content: "<svg/>" },
];

describe("a split page's refinement: the whole page in a new conversation", () => {
  it("carries the page's files as data, its picture and the instructions; no hint, no asset twice", () => {
    const input = wholePageInput(PAGE, FILES, "Make the hero red.");
    expect(input.hint).toBe("");
    expect(input.wholePage?.files.map((f) => f.path)).toEqual([
      "src/App.tsx",
      "src/sections/Hero.tsx",
      "src/sections/Footer.tsx",
    ]);
    const texts = userTexts(input).join("\n");
    expect(texts).toContain("<page_files>\n--- file: src/App.tsx\n");
    expect(texts).toContain("Instructions from the user:\nMake the hero red.");
    expect(texts).not.toContain("figment-hint");
    const params = responsesRequest(input, { model: "gpt-5.4" });
    expect(params).not.toHaveProperty("previous_response_id");
    expect(params.instructions).toContain("a file you leave out of your answer stays as it is");
  });

  it("a correction round sends the page as rendered after the design, the design once", () => {
    const round = [
      { label: "Your code, rendered at the design width (1440 px):", url: RENDERED },
      { label: "The design:", url: PNG },
    ];
    const input = wholePageInput(PAGE, FILES, "Fix the differences measured below.", round);
    expect(firstImages(input)).toEqual([
      { label: "The design:", url: PNG },
      { label: "Your code, rendered at the design width (1440 px):", url: RENDERED },
    ]);
  });

  it("the answer's files replace the page's by path; the files it leaves out stay", async () => {
    const answer = JSON.stringify({
      notes: "Red.",
      files: [
        {
          path: "src/sections/Hero.tsx",
          content: 'export function Hero() {\n  return <h1 style={{ color: "red" }}>Hero</h1>;\n}\n',
        },
      ],
    });
    const srv = await scriptedServer()(responsesStream([answer], { id: "resp_page" }));
    const config = providerConfig({ ...DEFAULT_SETTINGS, provider: "openai", baseUrl: srv.url }, "sk-test-page-1234");
    const result = await generateModelCode(config, wholePageInput(PAGE, FILES, "Make the hero red."));
    expect(srv.requests).toHaveLength(1);
    expect(srv.requests[0]!.schemaErrors).toEqual([]);
    expect(srv.requests[0]!.rawBody).toContain("--- file: src/sections/Footer.tsx");
    const byPath = new Map(result.files.map((f) => [f.path, f.content]));
    expect(byPath.get("src/sections/Hero.tsx")).toContain('color: "red"');
    expect(byPath.get("src/sections/Footer.tsx")).toContain("<footer>Footer</footer>");
    expect(byPath.get("src/App.tsx")).toContain("<Hero />");
    expect(result.problems.filter((p) => p.severity === "error")).toEqual([]);
  });
});
