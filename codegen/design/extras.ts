/**
 * What a node's REST JSON does not carry, supplied beside it — by the plugin (`getImageByHash(…).getBytesAsync()`,
 * `exportAsync({ format: "SVG_STRING" })`, `figma.variables`, named styles) or by the CLI (`--images DIR`, the
 * Figma REST API with `--figma-token`, `--variables FILE`). One shape for both, so everything downstream of
 * `loadDesign` is the same in Figma, in the CLI and in the tests.
 */
import type { LocalVariable, LocalVariableCollection } from "@figma/rest-api-spec";

/** Formats an image fill's bytes may be in (sniffed from the bytes, never from a name). */
export type ImageBytesFormat = "png" | "jpeg" | "gif" | "webp" | "svg";

/** The file's local variables, in the shape of `GET /v1/files/:key/variables/local`'s `meta`. */
export interface DesignVariables {
  variables: Record<string, LocalVariable>;
  variableCollections: Record<string, LocalVariableCollection>;
}

/** A named style (paint, text, effect, grid) by its id, as the REST file's `styles` map has it. */
export interface DesignStyle {
  name: string;
  styleType: "FILL" | "TEXT" | "EFFECT" | "GRID";
  description?: string;
}

/**
 * Figma's own guess at an auto layout for a frame drawn without one (Plugin API `inferredAutoLayout`, what
 * powers Dev Mode's code snippets), in the REST field names. Only the plugin has it; the REST JSON does not.
 */
export interface InferredAutoLayout {
  layoutMode: "HORIZONTAL" | "VERTICAL" | "NONE";
  itemSpacing?: number;
  paddingTop?: number;
  paddingRight?: number;
  paddingBottom?: number;
  paddingLeft?: number;
  primaryAxisAlignItems?: string;
  counterAxisAlignItems?: string;
  layoutWrap?: "NO_WRAP" | "WRAP";
  counterAxisSpacing?: number | null;
}

export interface DesignExtras {
  /** Image fill bytes by Figma imageRef (REST `imageRef` = the plugin's `imageHash`). */
  images?: Record<string, Uint8Array>;
  /** SVG markup by node id, for vector-like layers (vectors, boolean operations, icon groups and instances). */
  svgs?: Record<string, string>;
  /** The file's variables; bound properties (`boundVariables`) resolve through these. */
  variables?: DesignVariables;
  /** Named styles by style id (REST `styles`); nodes reference them in their `styles` field. */
  styles?: Record<string, DesignStyle>;
  /**
   * The variable mode each exported frame resolves to, by frame id then collection id (the plugin's
   * `resolvedVariableModes`): a frame inside a dark section is dark though its own JSON sets no mode.
   */
  variableModes?: Record<string, Record<string, string>>;
  /** Figma's inferred auto layout of frames drawn without auto layout, by node id (plugin only). */
  inferredLayouts?: Record<string, InferredAutoLayout>;
}
