/**
 * The versions store on the panel's side: reads this file's versions back once (previews and records), keeps
 * each new version (a ≤ 256 px preview made here, saved by the main thread within its budget), deletes on
 * request, and says what is kept. A version the store refuses (full) stays on screen marked "not kept",
 * is tried again after a deletion, and is never dropped silently.
 */
import { useCallback, useRef, useState } from "preact/hooks";
import type { StorageUsage } from "../../contract/image.js";
import { PluginError, type MainRequests } from "../channel/requests.js";
import { previewOf } from "./convert.js";
import { keptText } from "./kept.js";
import { fromStored, storedOf } from "./record.js";
import type { ImageVersions } from "./use-versions.js";
import type { ImageVersion } from "./versions.js";

export interface VersionStore {
  kept: string;
  /** Why a version of this session is not kept after closing, by id. */
  unsaved: ReadonlyMap<string, string>;
  /** Reads the stored versions (once; later calls give the same); resolves with them. */
  load(): Promise<ImageVersion[]>;
  /** Resolves once each is saved (or marked as not kept): it never rejects. */
  keep(versions: readonly ImageVersion[]): Promise<void>;
  remove(ids: readonly string[]): void;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function useVersionStore(requests: MainRequests, versions: ImageVersions): VersionStore {
  const [usage, setUsage] = useState<StorageUsage | undefined>(undefined);
  const [unsaved, setUnsaved] = useState<ReadonlyMap<string, string>>(new Map());
  const [full, setFull] = useState(false);
  const [lost, setLost] = useState(0);
  const [failed, setFailed] = useState<string | undefined>(undefined);
  const loading = useRef<Promise<ImageVersion[]> | undefined>(undefined);
  const listRef = useRef(versions.list);
  listRef.current = versions.list;

  const load = useCallback(() => {
    loading.current ??= requests
      .call("load-image-versions", {})
      .then((reply) => {
        const restored = reply.versions.map((stored, i) => fromStored(stored, i + 1));
        versions.restore(restored);
        setUsage(reply.usage);
        setLost(reply.lost ?? 0);
        return restored;
      })
      .catch((error: unknown) => {
        setFailed(messageOf(error));
        return [];
      });
    return loading.current;
  }, [requests, versions.restore]);

  const mark = useCallback((id: string, why: string | undefined) => {
    setUnsaved((all) => {
      const next = new Map(all);
      if (why === undefined) next.delete(id);
      else next.set(id, why);
      return next;
    });
  }, []);

  const keepOne = useCallback(
    async (version: ImageVersion) => {
      if (!version.bytes) return;
      try {
        const preview = await previewOf(version.bytes);
        if (!version.preview) versions.update(version.id, { preview: preview.bytes });
        const reply = await requests.call("save-image-version", { version: storedOf(version, preview) });
        setUsage(reply.usage);
        mark(version.id, undefined);
      } catch (error) {
        const isFull = error instanceof PluginError && error.code === "storage-full";
        if (isFull) setFull(true);
        mark(version.id, messageOf(error));
      }
    },
    [requests, versions.update, mark],
  );

  const keep = useCallback(
    (list: readonly ImageVersion[]) => list.reduce((chain, v) => chain.then(() => keepOne(v)), Promise.resolve()),
    [keepOne],
  );

  const remove = useCallback(
    (ids: readonly string[]) => {
      versions.remove(ids);
      for (const id of ids) mark(id, undefined);
      requests
        .call("delete-image-versions", { ids: [...ids] })
        .then((reply) => {
          setUsage(reply.usage);
          setFull(false);
          // Room was made: keep what the store refused before.
          keep(listRef.current.filter((v) => unsaved.has(v.id) && !ids.includes(v.id)));
        })
        .catch((error: unknown) => setFailed(messageOf(error)));
    },
    [requests, versions.remove, mark, keep, unsaved],
  );

  const kept = keptText({ loaded: usage !== undefined, usage, unsaved: unsaved.size, full, lost, failed });
  return { kept, unsaved, load, keep, remove };
}
