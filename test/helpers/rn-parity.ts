/**
 * React Native against React on one frame (issue 72): both targets' code for the frame, made with layer ids as the
 * score makes it, rendered in Chromium as the CLI's score renders them (React Native through react-native-web, with
 * React's stand-in fonts), and measured at the design width. The figure compared is what a reader sees of the text
 * (WidthScore.textVisible), the goal being React Native within 0.02 of React on every frame; IoU×matched is kept
 * beside it. The frames: every visible top-level frame of the real designers' files, the fixtures the framework
 * parity tests use, and the iOS settings screen (a status bar, icons, rows of switches).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readDesignBytes } from "../../cli/common/design-text.js";
import type { PageHost } from "../../cli/measure/browser.js";
import { scoreCode } from "../../cli/measure/score.js";
import type { RestNode } from "../../codegen/fidelity/design-nodes.js";
import type { FidelityScore } from "../../codegen/fidelity/types.js";
import { generateCode, loadDesign, type CodeOptions } from "../../codegen/index.js";
import { realFiles, topLevelFrames } from "./real-files.js";
import { fixturesRoot } from "./responsive-frames.js";

/** The goal: React Native's reader-sees figure at the design width within this of React's. */
export const RN_PARITY_GOAL = 0.02;

/** A frame to compare: its file under test/fixtures/ and its id. */
export interface ParityFrame {
  file: string;
  id: string;
  name: string;
}

/** The fixture frames the framework parity tests use (test/helpers/framework-parity.ts), and the iOS screen. */
const FIXTURE_FRAMES: readonly ParityFrame[] = [
  { file: "figma/figmagic-design-system.file.json", id: "3022:700", name: "DemoForm" },
  { file: "figma/vincegx-home-slideshow.nodes.json", id: "124:21142", name: "Home slideshow" },
  { file: "figma/figmasharp-bundler-dialog.file.json", id: "25:0", name: "Bundler dialog" },
  { file: "figma/figma-differ-selfie.nodes.json", id: "33459:3746", name: "Selfie" },
  { file: "figma/figmasharp-login.file.json", id: "101:3", name: "Log-In Page" },
  { file: "composed/ios-settings.nodes.json", id: "1:249", name: "iOS Settings" },
  { file: "composed/ios-settings.nodes.json", id: "9:200", name: "iOS Settings (kit rows)" },
];

/** Every visible top-level frame of the real files (TnT's two empty icon frames aside), then the fixture frames. */
export function rnParityFrames(): ParityFrame[] {
  const real = realFiles().flatMap((file) =>
    topLevelFrames(file)
      .filter((f) => !f.hidden && (f.node.children ?? []).length > 0)
      .map((f) => ({ file: `real/${file.name}`, id: f.id, name: f.name })),
  );
  return [...real, ...FIXTURE_FRAMES];
}

export interface ParityFigures {
  /** Reader-sees (text visible) at the design width. */
  react: number;
  native: number;
  /** |react − native| of the reader-sees figure. */
  gap: number;
  reactIou: number;
  nativeIou: number;
  /** The texts React Native's page shows less of than React's, worst first (for finding causes). */
  lost: string[];
}

const designJson = new Map<string, unknown>();

/** A fixture file read as the CLI reads it (one real file is a fragment without its outer braces). */
function fixtureJson(file: string): unknown {
  let json = designJson.get(file);
  if (json === undefined) {
    const bytes = readFileSync(join(fixturesRoot(), file));
    json = readDesignBytes(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length)).json;
    designJson.clear();
    designJson.set(file, json);
  }
  return json;
}

/** The texts `native` shows less of than `react` at the design width (name: visible react → native). */
function lostTexts(react: FidelityScore, native: FidelityScore): string[] {
  const seen = (s: FidelityScore) => new Map(s.widths[0]!.hiddenTexts.map((t) => [t.nodeId, t]));
  const ours = seen(react);
  return native.widths[0]!.hiddenTexts.filter((t) => t.visible < (ours.get(t.nodeId)?.visible ?? 1) - 0.01).map((t) =>
    `${t.nodeId} "${t.name.slice(0, 24)}" ${t.problem ?? ""} ${t.detail ?? ""}`.trim(),
  );
}

/** React's and React Native's figures for one frame, measured at the design width. */
export async function rnParity(host: PageHost, frame: Pick<ParityFrame, "file" | "id">): Promise<ParityFigures> {
  const design = loadDesign(fixtureJson(frame.file), [frame.id]);
  const root = design.roots[0] as unknown as RestNode;
  const widths = [root.absoluteBoundingBox!.width];
  const base: CodeOptions = { target: "react", styling: "css-modules", nodeIds: true };
  const react = await generateCode(design.document, base);
  const native = await generateCode(design.document, { ...base, target: "react-native" });
  const reactScore = await scoreCode(host, { frame: root, files: react.files, target: "react", widths });
  const nativeScore = await scoreCode(host, {
    frame: root,
    design: design.document.frames[0],
    files: native.files,
    target: "react-native",
    widths,
  });
  const r = reactScore.widths[0]!.textVisible;
  const n = nativeScore.widths[0]!.textVisible;
  return {
    react: r,
    native: n,
    gap: Math.abs(r - n),
    reactIou: reactScore.iouMatched,
    nativeIou: nativeScore.iouMatched,
    lost: lostTexts(reactScore, nativeScore),
  };
}
