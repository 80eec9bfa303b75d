/**
 * Deterministic analysis of a design: contrast, target size, text size, text in images, names and the prototype's
 * dead links, computed from the design tree alone (offline, no key). The panel lists the findings, the CLI prints them
 * (`figment analyze`), and the vision model gets them as data.
 *
 *   analyzeDesign(doc)                       → every finding, most severe first, then top-to-bottom
 *   analyzeDesign(doc, { kinds: ["contrast"] }) → only those kinds
 *   analyzeDesign(doc, { within: ["12:34"] })   → only inside layer 12:34, judged on the whole frame
 *
 * Pure and synchronous; ~1,000 layers take a few milliseconds (see `BENCH_ONLY=analyze npm run bench`).
 */
import type { DesignDocument } from "../design/types.js";
import { placeLayers, type Placed } from "../design/placed.js";
import { contrastFindings } from "./contrast.js";
import { nameFindings } from "./names.js";
import { deadLinkFindings } from "./dead-links.js";
import { targetFindings } from "./targets.js";
import { textInImageFindings } from "./text-in-image.js";
import { textSizeFindings } from "./text-size.js";
import type { Finding, FindingKind, FindingSeverity } from "./types.js";

export type {
  ContrastFinding,
  Finding,
  FindingKind,
  FindingSeverity,
  OtherFinding,
  TargetSizeFinding,
  TextSizeFinding,
} from "./types.js";

export const FINDING_KINDS: readonly FindingKind[] = [
  "contrast",
  "target-size",
  "text-size",
  "text-in-image",
  "image-name",
  "frame-name",
  "dead-link",
];
export const SEVERITIES: readonly FindingSeverity[] = ["error", "warning", "info"];

export interface AnalyzeOptions {
  /** Only these kinds of findings (default: all). */
  kinds?: readonly FindingKind[];
  /**
   * Only findings on these layers and the layers inside them (ids as in the design tree). The rest of the
   * document still counts as what lies behind them, so analyse the whole frame and pass the selection here.
   */
  within?: readonly string[];
  /**
   * Texts whose backdrop is not in the design (a reply fetched with a depth limit sent a layer under them without its
   * layers: codegen/rest/depth-limit.ts): their contrast is not judged, neither failed nor "cannot be computed".
   */
  backdropMissing?: ReadonlySet<string>;
}

/** Ids of the `within` layers and everything inside them. */
function subtreeIds(layers: Placed[], within: readonly string[]): Set<string> {
  const roots = new Set(within);
  const inside = new Set<Placed>();
  const ids = new Set<string>();
  for (const placed of layers) {
    if (roots.has(placed.node.id) || (placed.parent && inside.has(placed.parent))) {
      inside.add(placed);
      ids.add(placed.node.id);
    }
  }
  return ids;
}

/** Each check and the kinds it finds (one pass over the names finds both naming kinds). */
const CHECKS: readonly { kinds: readonly FindingKind[]; run: (layers: Placed[], doc: DesignDocument) => Finding[] }[] =
  [
    { kinds: ["contrast"], run: contrastFindings },
    { kinds: ["target-size"], run: targetFindings },
    { kinds: ["text-size"], run: textSizeFindings },
    { kinds: ["text-in-image"], run: textInImageFindings },
    { kinds: ["image-name", "frame-name"], run: nameFindings },
    { kinds: ["dead-link"], run: (layers, doc) => deadLinkFindings(doc, layers) },
  ];

/** Findings about every frame of `doc`: most severe first, then by frame, top to bottom, left to right. */
export function analyzeDesign(doc: DesignDocument, options: AnalyzeOptions = {}): Finding[] {
  const wanted = new Set(options.kinds ?? FINDING_KINDS);
  const layers = placeLayers(doc.frames, doc.layerNames);
  const position = new Map<string, Placed>();
  for (const placed of layers) if (!position.has(placed.node.id)) position.set(placed.node.id, placed);
  const scope = options.within ? subtreeIds(layers, options.within) : undefined;
  const findings: Finding[] = [];
  for (const check of CHECKS) {
    if (!check.kinds.some((kind) => wanted.has(kind))) continue;
    const judged = (f: Finding): boolean => f.kind !== "contrast" || !options.backdropMissing?.has(f.nodeId);
    findings.push(
      ...check.run(layers, doc).filter((f) => wanted.has(f.kind) && (!scope || scope.has(f.nodeId)) && judged(f)),
    );
  }
  const rank = (f: Finding): number[] => {
    const at = position.get(f.nodeId);
    return [
      SEVERITIES.indexOf(f.severity),
      at?.frame ?? 0,
      Math.round(at?.box.y ?? 0),
      Math.round(at?.box.x ?? 0),
      at?.order ?? 0,
      FINDING_KINDS.indexOf(f.kind),
    ];
  };
  const ranks = new Map(findings.map((f) => [f, rank(f)]));
  return findings.sort((a, b) => {
    const ra = ranks.get(a)!;
    const rb = ranks.get(b)!;
    for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i]! - rb[i]!;
    return 0;
  });
}
