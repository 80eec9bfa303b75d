/**
 * Deterministic findings about a design (contrast, target size, text size, text in images, names): facts
 * computed from the design tree, offline. The panel lists them, the CLI prints them (`figment analyze --json`),
 * and the vision model gets them as data so its critique builds on them.
 */

export type FindingKind =
  | "contrast"
  | "target-size"
  | "text-size"
  | "text-in-image"
  | "image-name"
  | "frame-name"
  | "dead-link";

/** Ordered most severe first. */
export type FindingSeverity = "error" | "warning" | "info";

interface FindingBase {
  nodeId: string;
  /** The layer's name, for lists. */
  nodeName: string;
  kind: FindingKind;
  severity: FindingSeverity;
  /** One sentence a designer can act on. */
  message: string;
}

export interface ContrastFinding extends FindingBase {
  kind: "contrast";
  /** WCAG 2.2 contrast ratio to 2 decimals; undefined when it cannot be computed (gradient or image behind). */
  ratio?: number;
  /** 4.5 or 3 (large text). */
  required: number;
  /** CSS hex of the text colour (opacity applied) and of the resolved background. */
  foreground: string;
  background?: string;
  large: boolean;
}

export interface TargetSizeFinding extends FindingBase {
  kind: "target-size";
  width: number;
  height: number;
  /** 24 (WCAG 2.2 2.5.8). */
  minimum: number;
}

export interface TextSizeFinding extends FindingBase {
  kind: "text-size";
  fontSize: number;
  minimum: number;
}

export interface OtherFinding extends FindingBase {
  kind: "text-in-image" | "image-name" | "frame-name" | "dead-link";
}

export type Finding = ContrastFinding | TargetSizeFinding | TextSizeFinding | OtherFinding;
