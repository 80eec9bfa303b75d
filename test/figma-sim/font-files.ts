/**
 * Advance widths from the @fontsource font files the tests serve (devDependencies; test/helpers/google-fonts.ts):
 * each face's WOFF files (one per subset: latin, latin-ext, cyrillic …) read for `head` (units per em), `hhea`,
 * `hmtx` and `cmap`, merged into one table per family, weight and italic. Node only: `useInstalledFonts()` hands
 * the loader to the simulator (./text-measure.ts).
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { inflateSync } from "node:zlib";
import { type FontAdvances, useFontLoader } from "./text-measure.js";

/** The tables of a TrueType/OpenType file (the first font of a collection). */
function sfntTables(bytes: Buffer): Map<string, Buffer> {
  const tables = new Map<string, Buffer>();
  const start = bytes.toString("latin1", 0, 4) === "ttcf" ? bytes.readUInt32BE(12) : 0;
  const count = bytes.readUInt16BE(start + 4);
  for (let i = 0; i < count; i++) {
    const at = start + 12 + i * 16;
    const offset = bytes.readUInt32BE(at + 8);
    tables.set(bytes.toString("latin1", at, at + 4), bytes.subarray(offset, offset + bytes.readUInt32BE(at + 12)));
  }
  return tables;
}

/** The sfnt tables of a WOFF (1.0) file, inflated; of a TrueType/OpenType file as they are. */
function woffTables(bytes: Buffer): Map<string, Buffer> {
  const tables = new Map<string, Buffer>();
  if (bytes.toString("latin1", 0, 4) !== "wOFF") return sfntTables(bytes);
  const count = bytes.readUInt16BE(12);
  for (let i = 0; i < count; i++) {
    const at = 44 + i * 20;
    const tag = bytes.toString("latin1", at, at + 4);
    const offset = bytes.readUInt32BE(at + 4);
    const compLength = bytes.readUInt32BE(at + 8);
    const origLength = bytes.readUInt32BE(at + 12);
    const data = bytes.subarray(offset, offset + compLength);
    tables.set(tag, compLength < origLength ? inflateSync(data) : Buffer.from(data));
  }
  return tables;
}

/** Code point → glyph id from a cmap's format 4 or 12 subtable (Unicode or Windows Unicode). */
function cmapGlyphs(cmap: Buffer): Map<number, number> {
  const out = new Map<number, number>();
  const count = cmap.readUInt16BE(2);
  const subtables: { format: number; offset: number }[] = [];
  for (let i = 0; i < count; i++) {
    const platform = cmap.readUInt16BE(4 + i * 8);
    const encoding = cmap.readUInt16BE(6 + i * 8);
    const offset = cmap.readUInt32BE(8 + i * 8);
    if (platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10)))
      subtables.push({ format: cmap.readUInt16BE(offset), offset });
  }
  const best = subtables.find((s) => s.format === 12) ?? subtables.find((s) => s.format === 4);
  if (!best) return out;
  const o = best.offset;
  if (best.format === 12) {
    const groups = cmap.readUInt32BE(o + 12);
    for (let g = 0; g < groups; g++) {
      const start = cmap.readUInt32BE(o + 16 + g * 12);
      const end = cmap.readUInt32BE(o + 20 + g * 12);
      const glyph = cmap.readUInt32BE(o + 24 + g * 12);
      for (let c = start; c <= end && c - start < 0x10000; c++) out.set(c, glyph + c - start);
    }
    return out;
  }
  const segments = cmap.readUInt16BE(o + 6) / 2;
  const ends = o + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const ranges = deltas + segments * 2;
  for (let s = 0; s < segments; s++) {
    const end = cmap.readUInt16BE(ends + s * 2);
    const start = cmap.readUInt16BE(starts + s * 2);
    const delta = cmap.readInt16BE(deltas + s * 2);
    const rangeOffset = cmap.readUInt16BE(ranges + s * 2);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
      else {
        const at = ranges + s * 2 + rangeOffset + (c - start) * 2;
        glyph = at + 2 <= cmap.length ? cmap.readUInt16BE(at) : 0;
        if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
      }
      if (glyph !== 0) out.set(c, glyph);
    }
  }
  return out;
}

/** One font file's (WOFF, TrueType or OpenType) advances per code point, and its units per em. */
export function woffAdvances(bytes: Buffer): (FontAdvances & { advances: Map<number, number> }) | undefined {
  const t = woffTables(bytes);
  const head = t.get("head");
  const hhea = t.get("hhea");
  const hmtx = t.get("hmtx");
  const cmap = t.get("cmap");
  if (!head || !hhea || !hmtx || !cmap) return undefined;
  const metrics = hhea.readUInt16BE(34);
  const advanceOf = (glyph: number): number => hmtx.readUInt16BE(Math.min(glyph, metrics - 1) * 4);
  const advances = new Map<number, number>();
  for (const [code, glyph] of cmapGlyphs(cmap)) advances.set(code, advanceOf(glyph));
  const unitsPerEm = head.readUInt16BE(18);
  return { unitsPerEm, advances, lineHeight: lineSpacing(hhea, t.get("OS/2")) / unitsPerEm };
}

/**
 * A face's line spacing in font units: hhea's ascender − descender + line gap, or OS/2's typographic ones when the
 * face asks for them (fsSelection's USE_TYPO_METRICS), as browsers and Figma read it.
 */
function lineSpacing(hhea: Buffer, os2: Buffer | undefined): number {
  if (os2 && os2.length >= 74 && (os2.readUInt16BE(62) & 0x80) !== 0)
    return os2.readInt16BE(68) - os2.readInt16BE(70) + os2.readInt16BE(72);
  return hhea.readInt16BE(4) - hhea.readInt16BE(6) + hhea.readInt16BE(8);
}

let packages: Map<string, string> | undefined;

/** The installed @fontsource packages' folders, by lower-case family name. */
function fontPackages(): Map<string, string> {
  if (packages) return packages;
  packages = new Map();
  let root: string;
  try {
    root = dirname(dirname(createRequire(import.meta.url).resolve("@fontsource/inter/package.json")));
  } catch {
    return packages;
  }
  for (const pkg of readdirSync(root)) {
    const css = join(root, pkg, "400.css");
    const family = existsSync(css) ? /font-family: '([^']+)'/.exec(readFileSync(css, "utf8"))?.[1] : undefined;
    if (family) packages.set(family.toLowerCase(), join(root, pkg));
  }
  return packages;
}

/** The face's advances from every subset's WOFF file; the nearest installed weight when the exact one is not. */
export function installedFace(family: string, weight: number, italic: boolean): FontAdvances | undefined {
  const dir = fontPackages().get(family.toLowerCase());
  if (!dir) return undefined;
  const files = readdirSync(join(dir, "files"));
  const faces = files.flatMap((f) => {
    const m = /-(\d+)-(normal|italic)\.woff$/.exec(f);
    return m ? [{ file: f, weight: Number(m[1]), italic: m[2] === "italic" }] : [];
  });
  const styled = faces.filter((f) => f.italic === italic);
  const pool = styled.length > 0 ? styled : faces;
  if (pool.length === 0) return undefined;
  const nearest = pool.reduce((a, b) => (Math.abs(b.weight - weight) < Math.abs(a.weight - weight) ? b : a)).weight;
  const merged: FontAdvances & { advances: Map<number, number> } = { unitsPerEm: 1000, advances: new Map() };
  // Latin first: where subsets overlap (digits, punctuation) its advances win.
  const chosen = pool
    .filter((f) => f.weight === nearest)
    .sort((a, b) => Number(!a.file.includes("-latin-")) - Number(!b.file.includes("-latin-")));
  for (const f of chosen) {
    const face = woffAdvances(readFileSync(join(dir, "files", f.file)));
    if (!face) continue;
    if (merged.advances.size === 0) [merged.unitsPerEm, merged.lineHeight] = [face.unitsPerEm, face.lineHeight];
    const scale = merged.unitsPerEm / face.unitsPerEm;
    for (const [code, advance] of face.advances)
      if (!merged.advances.has(code)) merged.advances.set(code, advance * scale);
  }
  return merged.advances.size > 0 ? merged : undefined;
}

/**
 * The face the system draws for a family it may not have: fontconfig's match, as Chromium resolves it here (Times
 * New Roman and Arial are Liberation Serif and Sans, whose advances are the same by design). Undefined without
 * fontconfig.
 */
export function systemFace(family: string, weight: number, italic: boolean): FontAdvances | undefined {
  // fontconfig's weights: 80 regular, 100 medium, 200 bold.
  const fcWeight = weight >= 600 ? 200 : weight >= 500 ? 100 : 80;
  const pattern = `${family.replace(/[-:,\\]/g, " ")}:weight=${fcWeight}${italic ? ":slant=100" : ""}`;
  try {
    const file = execFileSync("fc-match", ["-f", "%{file}", pattern], { encoding: "utf8", timeout: 5000 }).trim();
    return file && /\.(ttf|otf|ttc)$/i.test(file) ? woffAdvances(readFileSync(file)) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The simulator measures text with the installed fonts (@fontsource, then the system's) until the answer is
 * called: other tests sharing the process keep the average.
 */
export function useInstalledFonts(): () => void {
  const undo = [useFontLoader(installedFace), useFontLoader(systemFace)];
  return () => {
    for (const u of undo) u();
  };
}
