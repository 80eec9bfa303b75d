/**
 * Image bytes made ready for the canvas in the panel, with the browser's own decoder and encoder (no codec
 * of ours): `figma.createImage` takes PNG, JPEG or GIF up to 4096 px per side, so WebP becomes PNG and a
 * larger image is scaled down to fit, each with a note saying so. Also the small previews the versions
 * store keeps. `conversionFor` decides (pure); `readyForCanvas` and `previewOf` do it (DOM).
 */
import { imageInfo, MIME } from "../../ai/image/bytes.js";
import type { ServedFormat } from "../../ai/image/options.js";

/** Figma's limit per side for createImage. */
export const FIGMA_MAX_SIDE = 4096;
/** Longest side of a stored preview. */
export const PREVIEW_SIDE = 256;

export interface Conversion {
  /** Re-encode as PNG (the format Figma does not take, or a scaled image). */
  toPng: boolean;
  width: number;
  height: number;
  notes: string[];
}

/** What has to change for Figma to take an image of this format and size; toPng false when nothing does. */
export function conversionFor(format: ServedFormat, width: number, height: number): Conversion {
  const scale = Math.min(1, FIGMA_MAX_SIDE / Math.max(width, height));
  const target = { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
  const notes: string[] = [];
  if (format === "webp") notes.push("Converted from WebP to PNG: Figma takes PNG, JPEG or GIF.");
  if (scale < 1)
    notes.push(
      `Scaled down from ${width}×${height} to ${target.width}×${target.height}: ` +
        `Figma takes at most ${FIGMA_MAX_SIDE} px per side.`,
    );
  return { toPng: notes.length > 0, ...target, notes };
}

function canvasBytes(canvas: HTMLCanvasElement, type: string, quality?: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) =>
        blob
          ? blob.arrayBuffer().then((buffer) => resolve(new Uint8Array(buffer)), reject)
          : reject(new Error("the browser could not encode the image")),
      type,
      quality,
    ),
  );
}

/** Decodes `bytes` scaled to `width`×`height` and encodes them as `type` (a white ground under JPEG). */
async function reencode(
  bytes: Uint8Array,
  format: ServedFormat,
  width: number,
  height: number,
  type: string,
  quality?: number,
): Promise<Uint8Array> {
  const bitmap = await createImageBitmap(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: MIME[format] }), {
    resizeWidth: width,
    resizeHeight: height,
    resizeQuality: "high",
  });
  try {
    const canvas = document.createElement("canvas");
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext("2d");
    if (!context) throw new Error("the browser has no 2D canvas");
    if (type === "image/jpeg") {
      context.fillStyle = "#fff";
      context.fillRect(0, 0, width, height);
    }
    context.drawImage(bitmap, 0, 0);
    return await canvasBytes(canvas, type, quality);
  } finally {
    bitmap.close();
  }
}

export interface CanvasImage {
  bytes: Uint8Array;
  width: number;
  height: number;
  /** What was changed, in words for the panel ([] when the bytes go as served). */
  notes: string[];
}

/** The image as Figma will take it: as served when it can, else converted or scaled in the panel. */
export async function readyForCanvas(bytes: Uint8Array): Promise<CanvasImage> {
  const info = imageInfo(bytes);
  if (!info) throw new Error("These bytes are not an image the panel can read (PNG, JPEG, WebP or GIF).");
  const conversion = conversionFor(info.format, info.width, info.height);
  if (!conversion.toPng) return { bytes, width: info.width, height: info.height, notes: [] };
  return {
    bytes: await reencode(bytes, info.format, conversion.width, conversion.height, "image/png"),
    width: conversion.width,
    height: conversion.height,
    notes: conversion.notes,
  };
}

/** The image scaled to exactly `width`×`height` as a PNG (a repaint fitted back to its layer's image size). */
export async function scaledPng(bytes: Uint8Array, width: number, height: number): Promise<Uint8Array> {
  const info = imageInfo(bytes);
  if (!info) throw new Error("These bytes are not an image the panel can read (PNG, JPEG, WebP or GIF).");
  return reencode(bytes, info.format, width, height, "image/png");
}

/** A JPEG of at most PREVIEW_SIDE px per side (about 10–20 kB), for the versions store. */
export async function previewOf(bytes: Uint8Array): Promise<{ bytes: Uint8Array; width: number; height: number }> {
  const info = imageInfo(bytes);
  if (!info) throw new Error("not an image");
  const scale = Math.min(1, PREVIEW_SIDE / Math.max(info.width, info.height));
  const width = Math.max(1, Math.round(info.width * scale));
  const height = Math.max(1, Math.round(info.height * scale));
  return { bytes: await reencode(bytes, info.format, width, height, "image/jpeg", 0.82), width, height };
}
