/**
 * The design's assets as normalisation finds them: image fills with the bytes `DesignExtras.images` supplies
 * (named in their sniffed format; identical bytes are one asset) and vector-like layers with the SVG
 * `DesignExtras.svgs` supplies, else drawn from the JSON. Keys are unique, safe file names.
 */
import type { RestNode } from "../rest/reply.js";
import type { Problem } from "../types.js";
import type { DesignExtras } from "./extras.js";
import { bytesHash, IMAGE_EXTENSION, sameBytes, sniffImage } from "./image-bytes.js";
import { cleanSuppliedSvg } from "./supplied-svg.js";
import type { Asset } from "./types.js";

export interface ImageRegistration {
  key: string;
  /** Pixel size, when the bytes are known. */
  width?: number;
  height?: number;
}

export class DesignAssets {
  readonly all: Record<string, Asset> = {};
  /** Asset key per imageRef. */
  private readonly byRef = new Map<string, string>();
  /** Image keys per content hash. */
  private readonly byContent = new Map<string, string[]>();

  constructor(
    private readonly extras: DesignExtras,
    private readonly problems: Problem[],
  ) {}

  private uniqueKey(base: string, ext: string): string {
    let key = `${base}.${ext}`;
    for (let i = 2; key in this.all; i++) key = `${base}-${i}.${ext}`;
    return key;
  }

  private registration(key: string): ImageRegistration {
    const asset = this.all[key];
    return asset?.kind === "image" && asset.width !== undefined && asset.height !== undefined
      ? { key, width: asset.width, height: asset.height }
      : { key };
  }

  /** The asset for an image fill (`base`: a slug of the layer's name). */
  image(ref: string, base: string, node: RestNode): ImageRegistration {
    const known = this.byRef.get(ref);
    if (known !== undefined) return this.registration(known);
    const bytes = this.extras.images?.[ref];
    const info = bytes ? sniffImage(bytes) : undefined;
    if (!bytes || !info) {
      const key = this.uniqueKey(base, "svg");
      this.all[key] = { kind: "image", name: key, imageRef: ref };
      this.byRef.set(ref, key);
      const why = bytes
        ? "has bytes that are not PNG, JPEG, GIF, WebP or SVG"
        : "has no image bytes (the JSON never carries them and none were supplied)";
      this.problems.push({
        severity: bytes ? "warning" : "info",
        code: bytes ? "bad-image" : "missing-image",
        message:
          `image fill of "${node.name}" (imageRef ${ref.slice(0, 12)}) ` +
          `${why}; a grey placeholder ${key} stands in`,
        nodeId: node.id,
      });
      return { key };
    }
    const hash = bytesHash(bytes);
    const twin = this.byContent.get(hash)?.find((key) => {
      const other = this.all[key];
      return other?.kind === "image" && other.bytes !== undefined && sameBytes(other.bytes, bytes);
    });
    if (twin !== undefined) {
      this.byRef.set(ref, twin);
      return this.registration(twin);
    }
    const key = this.uniqueKey(base, IMAGE_EXTENSION[info.format]);
    const size =
      info.width !== undefined && info.height !== undefined ? { width: info.width, height: info.height } : {};
    this.all[key] = { kind: "image", name: key, imageRef: ref, bytes, ...size };
    this.byRef.set(ref, key);
    this.byContent.set(hash, [...(this.byContent.get(hash) ?? []), key]);
    return this.registration(key);
  }

  /** The asset for a vector-like layer: the SVG supplied for it, else `draw()` from the JSON's geometry (or boxes). */
  vector(node: RestNode, base: string, draw: () => { svg: string; placeholder: boolean }): string {
    const key = this.uniqueKey(base, "svg");
    const supplied = this.extras.svgs?.[node.id];
    const clean = supplied !== undefined ? cleanSuppliedSvg(supplied) : undefined;
    if (clean !== undefined) {
      this.all[key] = { kind: "svg", name: key, svg: clean };
      return key;
    }
    if (supplied !== undefined) {
      this.problems.push({
        severity: "warning",
        code: "bad-svg",
        message: `the SVG supplied for "${node.name}" is not one <svg> element; drawn from the JSON instead`,
        nodeId: node.id,
      });
    }
    const drawn = draw();
    if (drawn.placeholder) {
      this.problems.push({
        severity: "info",
        code: "vector-placeholder",
        message:
          `vector "${node.name}" has no outline in the JSON and ` +
          `no SVG was supplied; drawn with boxes in its colours`,
        nodeId: node.id,
      });
    }
    this.all[key] = { kind: "svg", name: key, svg: drawn.svg, ...(drawn.placeholder ? { placeholder: true } : {}) };
    return key;
  }
}
