/**
 * The analysis on every real Figma file in test/fixtures/figma: findings are stable (the expectation below
 * lists them by severity and kind, ids in order) and each points to a layer that exists in the file.
 */
import { describe, expect, it } from "vitest";
import { EVAL_FILES, readFixture } from "../../test/helpers/fixtures";
import { loadDesign } from "../load";
import { analyzeDesign, type Finding } from "./index";

function nodeIds(json: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(json)) for (const item of json) nodeIds(item, out);
  else if (json && typeof json === "object") {
    const record = json as Record<string, unknown>;
    if (typeof record["id"] === "string" && typeof record["type"] === "string") out.add(record["id"]);
    for (const value of Object.values(record)) if (value && typeof value === "object") nodeIds(value, out);
  }
  return out;
}

/** `severity kind: id, id, …` lines, grouped in the order the findings come. */
function digest(findings: Finding[]): string[] {
  const groups = new Map<string, string[]>();
  for (const f of findings) {
    const key = `${f.severity} ${f.kind}`;
    groups.set(key, [...(groups.get(key) ?? []), f.nodeId]);
  }
  return [...groups].map(([key, ids]) => `${key} ×${ids.length}: ${ids.join(", ")}`);
}

const analyzed = EVAL_FILES.map((name) => {
  const json = readFixture(name);
  return { name, json, findings: analyzeDesign(loadDesign(json).document) };
});

describe("analysis of the real Figma files", () => {
  it("finds the same things every time", () => {
    expect(Object.fromEntries(analyzed.map(({ name, findings }) => [name, digest(findings)]))).toMatchInlineSnapshot(
      `
      {
        "figma-differ-selfie.nodes.json": [
          "info frame-name ×1: 33459:3748",
          "info contrast ×4: I33459:3755;2177:28867;2177:28810, I33459:3756;15:8516, I33459:3752;3243:29799, ` +
        `I33459:3758;825:14785",
        ],
        "figmagic-design-system.file.json": [
          "error contrast ×16: 3010:18, 4066:1352, 4066:1364, 3206:730, 4668:881, 4668:893, I3015:97;3010:18, ` +
        `I3213:1449;3206:730, I3022:984;3015:97;3010:18, I3022:984;3213:1449;3206:730, I3022:843;3015:97;3010:18, ` +
        `I3022:843;3213:1449;3206:730, I3022:702;3015:97;3010:18, I3022:702;3213:1449;3206:730, I3224:173;3010:18, ` +
        `I3224:164;3206:730",
          "warning text-size ×16: 3022:117, 3022:210, 3022:295, 3022:110, 3015:522, 3015:553, 3015:546, 2874:60, ` +
        `2874:46, 2874:53, 4066:1386, 4066:1379, 4066:1372, 3204:21, 3204:14, 3204:7",
          "warning target-size ×1: 3224:165",
          "info contrast ×33: 2874:83, 3037:0, 3022:98, 2875:21, 2772:57, 2772:38, 2772:42, 2772:46, 2772:44, ` +
        `2772:40, 2772:21, 3022:117, 3022:210, 3022:295, 3022:110, 3015:522, 3015:553, 3015:546, 2874:60, 2874:46, ` +
        `2874:53, 4066:1386, 4066:1379, 4066:1372, 3204:21, 3204:14, 3204:7, 3163:2852, 3188:418, 3188:419, ` +
        `3213:1448, 3015:61, 3022:1437",
        ],
        "figmasharp-bundler-dialog.file.json": [
          "error contrast ×1: I160:188;23:45",
          "warning target-size ×6: 25:7, 25:293, 160:188, 160:177, 25:5, 25:4",
          "info contrast ×8: I25:1;1:32, I25:19;1:301, 25:16, 25:17, 25:304, I25:5;1:75, I25:4;1:70, 160:199",
        ],
        "figmasharp-login.file.json": [
          "error contrast ×1: 101:9",
          "warning text-size ×2: 101:11, 101:6",
          "info frame-name ×2: 101:37, 101:21",
          "info contrast ×7: 101:36, 101:46, 101:44, 101:18, 101:19, 101:11, 101:6",
        ],
        "grida-stroke.file.json": [],
        "grida-vector-frame.nodes.json": [],
        "vincegx-hero-header.nodes.json": [
          "info contrast ×5: 122:21080, 122:21068, 122:21072, 122:21076, 122:21083",
        ],
        "vincegx-home-slideshow.nodes.json": [
          "error contrast ×4: I124:21154;131:261805;114:1277;112:964, I124:21154;131:261805;114:1278;112:964, ` +
        `I124:21154;131:261805;114:1279;112:964, I124:21154;131:261805;114:1280;112:964",
          "warning image-name ×1: I124:21154;131:261806;114:891",
          "info frame-name ×1: I124:21154;131:261806;112:1082",
        ],
        "vincegx-homepage-landing.nodes.json": [
          "info frame-name ×2: 268:3344, 268:3362",
        ],
        "vincegx-vaya-home.nodes.json": [
          "info frame-name ×4: I423:57669;114:259, I423:57669;114:258, I423:57669;114:253, I423:57669;114:251",
          "info contrast ×4: I423:57669;114:378;114:291;112:910, I423:57669;114:250, I423:57669;114:252, ` +
        `I423:57669;114:254;113:480",
        ],
      }
    `,
    );
  });

  it("points every finding to a layer of the file, with a message and figures that fit its kind", () => {
    for (const { name, json, findings } of analyzed) {
      const ids = nodeIds(json);
      for (const finding of findings) {
        expect(ids.has(finding.nodeId), `${name}: ${finding.nodeId}`).toBe(true);
        expect(finding.message.length).toBeGreaterThan(20);
        if (finding.kind === "contrast" && finding.ratio !== undefined) {
          expect(finding.ratio).toBeLessThan(finding.required);
          expect(finding.background).toMatch(/^#[0-9a-f]{6}$/);
        }
        if (finding.kind === "target-size") expect(Math.min(finding.width, finding.height)).toBeLessThan(24);
      }
    }
  });

  it("gives the same findings for one frame loaded alone as within its file", () => {
    const { json, findings } = analyzed.find((a) => a.name === "figmasharp-login.file.json")!;
    const frameId = loadDesign(json).document.frames[0]!.id;
    const alone = analyzeDesign(loadDesign(json, [frameId]).document);
    expect(alone).toEqual(findings);
    expect(alone.length).toBeGreaterThan(0);
  });
});

/** Each layer's name and type in the REST JSON, by id. */
function restLayers(
  json: unknown,
  out = new Map<string, { name: string; type: string; characters?: string }>(),
): Map<string, { name: string; type: string; characters?: string }> {
  if (Array.isArray(json)) for (const item of json) restLayers(item, out);
  else if (json && typeof json === "object") {
    const r = json as Record<string, unknown>;
    if (typeof r["id"] === "string" && typeof r["type"] === "string" && typeof r["name"] === "string") {
      out.set(r["id"], {
        name: r["name"],
        type: r["type"],
        ...(typeof r["characters"] === "string" ? { characters: r["characters"] } : {}),
      });
    }
    for (const value of Object.values(r)) if (value && typeof value === "object") restLayers(value, out);
  }
  return out;
}

describe("the layer a finding names", () => {
  it(
    "is named as Figma's layers panel names it, generated " + "names included (a text layer may show its characters)",
    () => {
      const named = analyzed.flatMap(({ name, json, findings }) => {
        const layers = restLayers(json);
        return findings.map((f) => ({ file: name, id: f.nodeId, shown: f.nodeName, layer: layers.get(f.nodeId)! }));
      });
      expect(named.length).toBeGreaterThan(50);
      const wrong = named.filter(
        ({ shown, layer }) => shown !== layer.name && !(layer.type === "TEXT" && shown === layer.characters),
      );
      expect(wrong.map((w) => `${w.file} ${w.id}: "${w.shown}" for "${w.layer.name}"`)).toEqual([]);
      expect(named.find((n) => n.id === "33459:3748")?.shown).toBe("Frame");
    },
  );

  it("says which layer is behind a text in Figma's words too", () => {
    const { findings } = analyzed.find((a) => a.name === "vincegx-vaya-home.nodes.json")!;
    const messages = findings.map((f) => f.message).join("\n");
    expect(messages).not.toContain("unnamed");
    expect(messages).toMatch(/it sits on a gradient \("[^"]+"\)/);
  });
});
