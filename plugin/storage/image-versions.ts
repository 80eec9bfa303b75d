/**
 * Image versions in clientStorage: small previews with their records, per file, within their budget
 * (contract/limits.ts). A save that would exceed the budget is refused (`storage-full`) and nothing is
 * dropped; versions that cannot be read back are reported as lost, never skipped in silence.
 */
import { imageVersionField, type ImageVersion, type StorageUsage } from "../../contract/image.js";
import { CLIENT_STORAGE_QUOTA, SETTINGS_RESERVE } from "../../contract/limits.js";
import { PluginError } from "../errors.js";
import { readImageHeader } from "../canvas/image-bytes.js";
import { storageCall } from "./client-storage.js";
import { fileScope } from "./file-scope.js";
import {
  entryKey,
  entrySize,
  isEntryKey,
  loadIndex,
  otherBytes,
  spaceLeft,
  saveIndex,
  serially,
  titleText,
  usageOf,
  type IndexEntry,
} from "./history-index.js";

export interface LoadedVersions {
  versions: ImageVersion[];
  usage: StorageUsage;
  /** Versions listed but unreadable (cleared or damaged), now taken off the list. */
  lost: number;
}

/** "1.4 MB", "320 kB", "900 bytes". */
export function sizeText(bytes: number): string {
  if (bytes >= 1_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
  if (bytes >= 1000) return `${Math.round(bytes / 1000)} kB`;
  return `${bytes} bytes`;
}

const isImage = (e: IndexEntry): boolean => e.kind === "image";

function checkVersion(version: ImageVersion): void {
  if (version.record.versionId !== version.id)
    throw new PluginError(
      "bad-message",
      `The version's id (${version.id}) and its record's (${version.record.versionId}) differ; nothing was saved.`,
    );
  const header = readImageHeader(version.preview.bytes);
  if (!header || header.format === "gif")
    throw new PluginError("bad-image", "A version's preview must be a PNG or JPEG image; nothing was saved.");
  if (header.width !== version.preview.width || header.height !== version.preview.height) {
    throw new PluginError(
      "bad-image",
      `The preview is ${header.width} × ${header.height} px but says ` +
        `${version.preview.width} × ${version.preview.height}; nothing was saved.`,
    );
  }
}

/** Reads a stored version back (the stored value has its file scope beside the version's fields). */
export function readVersion(raw: unknown): ImageVersion | undefined {
  if (typeof raw !== "object" || raw === null) return undefined;
  const { scope: _scope, ...version } = raw as Record<string, unknown>;
  try {
    return imageVersionField.check(version, "version");
  } catch {
    return undefined;
  }
}

export function loadImageVersions(allFiles: boolean): Promise<LoadedVersions> {
  return serially(async () => {
    const scope = fileScope(false);
    let index = await loadIndex();
    // An entry written just before a failed index update was never confirmed to the panel: remove it.
    const listed = new Set(index.map(entryKey));
    const keys = await storageCall("list stored versions", () => figma.clientStorage.keysAsync());
    for (const key of keys)
      if (isEntryKey(key) && !listed.has(key))
        await storageCall("remove an unlisted version", () => figma.clientStorage.deleteAsync(key));
    const wanted = index
      .filter((e) => isImage(e) && (allFiles || e.scope === scope))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    const versions: ImageVersion[] = [];
    const lost: IndexEntry[] = [];
    for (const entry of wanted) {
      const version = readVersion(
        await storageCall("read a stored version", () => figma.clientStorage.getAsync(entryKey(entry))),
      );
      if (version) versions.push(version);
      else lost.push(entry);
    }
    if (lost.length > 0) {
      index = index.filter((e) => !lost.includes(e));
      await saveIndex(index);
      for (const entry of lost)
        await storageCall("remove an unreadable version", () => figma.clientStorage.deleteAsync(entryKey(entry)));
    }
    return { versions, usage: usageOf(index, "image", scope), lost: lost.length };
  });
}

export function saveImageVersion(version: ImageVersion): Promise<StorageUsage> {
  checkVersion(version);
  return serially(async () => {
    const scope = fileScope(true) ?? "unknown";
    const index = await loadIndex();
    const previous = index.find((e) => isImage(e) && e.id === version.id);
    const others = index.filter((e) => e !== previous);
    // The listing line: the prompt as title (an SD image's model and seed beside it), and where it was placed (history)
    // kept across a re-save.
    const sd = version.record.sd;
    const model = sd ? `${version.record.model.slice(0, 160)} · seed ${sd.seed}` : undefined;
    const meta = {
      kind: "image" as const,
      id: version.id,
      scope,
      createdAt: version.createdAt,
      meta: { ...previous?.meta, title: titleText(version.record.prompt) || "Image", ...(model ? { model } : {}) },
    };
    const stored = { ...version, scope };
    const bytes = entrySize(meta, stored);
    const before = usageOf(others, "image", scope);
    if (before.bytes + bytes > before.budget) {
      const elsewhere = before.bytes - before.fileBytes;
      throw new PluginError(
        "storage-full",
        `Storage for image versions is full: ${sizeText(before.bytes)} of ${sizeText(before.budget)} ` +
          `used${elsewhere > 0 ? ` (${sizeText(elsewhere)} by versions of other files)` : ""}, and this version ` +
          `needs ${sizeText(bytes)}. Delete versions you no longer need to keep new ones; nothing was deleted.`,
      );
    }
    // Within its budget, it must still fit Figma's 5 MB shared with code results, analyses and settings.
    const left = spaceLeft(others, await otherBytes());
    if (bytes > left) {
      throw new PluginError(
        "storage-full",
        `Figment's storage is full: ${sizeText(CLIENT_STORAGE_QUOTA - SETTINGS_RESERVE - left)} of Figma's ` +
          `${sizeText(CLIENT_STORAGE_QUOTA)} is used (code results, analyses and images together), and this ` +
          `version needs ${sizeText(bytes)}. Delete history entries to keep new versions; nothing was deleted.`,
      );
    }
    await storageCall("save the version", () => figma.clientStorage.setAsync(entryKey(meta), stored));
    const next = [...others, { ...meta, bytes }];
    await saveIndex(next);
    return usageOf(next, "image", scope);
  });
}

export function deleteImageVersions(ids: readonly string[]): Promise<StorageUsage> {
  return serially(async () => {
    const index = await loadIndex();
    const doomed = index.filter((e) => isImage(e) && ids.includes(e.id));
    for (const entry of doomed)
      await storageCall("delete a version", () => figma.clientStorage.deleteAsync(entryKey(entry)));
    const next = index.filter((e) => !doomed.includes(e));
    if (doomed.length > 0) await saveIndex(next);
    return usageOf(next, "image", fileScope(false));
  });
}
