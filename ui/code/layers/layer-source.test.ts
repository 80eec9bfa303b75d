/**
 * What "Insert as layers" reads: a real file's offline HTML result as its preview shows it, pasted HTML made inert
 * (no script, no handler, a CSP that admits only the reader's hash), the widths offered and the external images named.
 */
import { describe, expect, it } from "vitest";
import { draftCode } from "../draft.js";
import { readFigmaFixture } from "../../../test/figma-sim/node.js";
import { createFigmaSim } from "../../../test/figma-sim/sim.js";
import { externalImages, layerWidths, pastedSource, resultSource, viewportHeight } from "./layer-source.js";
import { withPageScript } from "../../../codegen/preview/page-script.js";
import { layersAgentScript } from "./layers-agent.js";

describe("the page a result is read from", () => {
  it("is the HTML preview's sanitised document of a real frame's offline result, beside that frame", async () => {
    const { frames, files } = await realHeaderResult();
    const read = resultSource({ status: "ready", files, converted: false }, frames);
    if (!("source" in read)) throw new Error(read.unavailable);
    expect(read.source).toMatchObject({ name: "header", besideId: "1:423", design: { width: 1200, height: 73 } });
    expect(read.source.html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'/);
    expect(read.source.html).not.toMatch(/<script/i);
    // The reader's agent is the one script its CSP admits.
    const page = withPageScript(read.source.html, layersAgentScript());
    expect(page).toContain(`script-src ${layersAgentScript().hash}`);
    expect(page.match(/<script/g)).toHaveLength(1);
  });

  it("says why while the preview is not ready", () => {
    const frames = [{ id: "1:2", name: "F", width: 10, height: 10 }];
    expect(resultSource({ status: "loading" }, frames)).toEqual({ unavailable: "The preview is still being made" });
    expect(resultSource({ status: "failed", message: "boom" }, frames)).toMatchObject({ unavailable: /boom/ });
  });

  it("offers the design's width, then 768 and 390, each once; the design's height at its width", () => {
    expect(layerWidths(1440)).toEqual([1440, 768, 390]);
    expect(layerWidths(390)).toEqual([390, 768]);
    const source = { design: { width: 1200, height: 73 } };
    expect(viewportHeight(source, 1200)).toBe(73);
    expect(viewportHeight(source, 390)).toBe(844);
  });
});

describe("pasted HTML", () => {
  const html =
    `<html><head><title>Launch</title><script>document.title = "ran"</script></head>` +
    `<body onload="alert(1)"><h1 onclick="alert(2)">Hello</h1><img src="https://cdn.example.com/a.jpg" ` +
    `onerror="alert(3)"><a href="javascript:alert(4)">x</a><div style="background:url('//img.example.com/b.png')">` +
    `</div><iframe src="https://example.com"></iframe></body></html>`;

  it("is made inert: no script, no inline handler, no frame, no javascript: URL, a CSP without scripts", () => {
    const source = pastedSource(html);
    expect(source.name).toBe("Launch");
    expect(source.html).not.toMatch(/<script|onload|onclick|onerror|javascript:|<iframe/i);
    expect(source.html).toContain("<h1>Hello</h1>");
    expect(source.html).toMatch(/default-src 'none'/);
    expect(source.besideId).toBeUndefined();
    expect(source.design.width).toBe(1440);
    // A body tag's handler holding markup ends where its quotes do (it leaked as text before).
    const leaky = pastedSource(`<body onload="document.body.innerHTML='<p>RAN</p>'" style="margin:0"><p>Hi</p></body>`);
    expect(leaky.html).not.toMatch(/RAN|margin:0/);
    expect(leaky.html).toContain("<p>Hi</p>");
  });

  it("lists the external images it names (not Google Fonts), each once", () => {
    expect(pastedSource(html).external).toEqual(["https://cdn.example.com/a.jpg", "//img.example.com/b.png"]);
    expect(
      externalImages([
        `<link href="https://fonts.googleapis.com/css2?family=Inter">` +
          `<img src="data:image/png;base64,AAAA"><img src='http://x.org/p.png'><img src="http://x.org/p.png">`,
      ]),
    ).toEqual(["http://x.org/p.png"]);
  });
});

/** A real designer's frame (test/fixtures/real) through the Code panel's offline draft, as the preview gets it. */
async function realHeaderResult() {
  const sim = createFigmaSim({ file: readFigmaFixture("../real/figma-gpt-header.file.json") });
  const id = "1:423";
  const json = await sim.node(id).exportAsync({ format: "JSON_REST_V1" });
  const draft = draftCode([{ id, json }], { target: "html", styling: "css-modules", nodeIds: true });
  return { frames: [{ id, name: "header", width: 1200, height: 73 }], files: draft.preview };
}
