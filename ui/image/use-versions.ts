/**
 * The versions strip's state: every version made (newest last), the one on show, and a side-by-side pair.
 * Held at the app level so versions survive switching panels; the versions store (stored.ts) carries them
 * across closing and reopening.
 */
import { useCallback, useMemo, useState } from "preact/hooks";
import type { ImageVersion } from "./versions.js";

export interface ImageVersions {
  list: ImageVersion[];
  selected: ImageVersion | undefined;
  /** Two versions side by side: the one on show and the one picked to compare with. */
  compare: [ImageVersion, ImageVersion] | undefined;
  /** Adds what a request made and shows the first of them. */
  add(versions: ImageVersion[]): void;
  /** Versions read back from the store (kept before this session's, without doubles). */
  restore(versions: ImageVersion[]): void;
  update(id: string, patch: Partial<ImageVersion>): void;
  remove(ids: readonly string[]): void;
  select(id: string): void;
  /** Starts comparing the one on show with `id` (or the version before it); undefined stops. */
  compareWith(id: string | undefined | null): void;
}

export function useImageVersions(): ImageVersions {
  const [list, setList] = useState<ImageVersion[]>([]);
  const [selectedId, setSelectedId] = useState<string | undefined>(undefined);
  const [otherId, setOtherId] = useState<string | undefined>(undefined);

  const add = useCallback((versions: ImageVersion[]) => {
    if (versions.length === 0) return;
    // A version already listed (the same relaunch twice) is shown, not listed again.
    setList((all) => [...all, ...versions.filter((v) => !all.some((known) => known.id === v.id))]);
    setSelectedId(versions[0]!.id);
  }, []);
  const restore = useCallback((versions: ImageVersion[]) => {
    setList((all) => {
      const known = new Set(all.map((v) => v.id));
      const older = versions.filter((v) => !known.has(v.id));
      return [...older, ...all].sort((a, b) => a.n - b.n);
    });
    setSelectedId((id) => id ?? versions[versions.length - 1]?.id);
  }, []);
  const update = useCallback(
    (id: string, patch: Partial<ImageVersion>) =>
      setList((all) => all.map((v) => (v.id === id ? { ...v, ...patch } : v))),
    [],
  );
  const remove = useCallback((ids: readonly string[]) => setList((all) => all.filter((v) => !ids.includes(v.id))), []);
  const select = useCallback((id: string) => setSelectedId(id), []);

  const selected = list.find((v) => v.id === selectedId) ?? list[list.length - 1];
  const compareWith = useCallback(
    (id: string | undefined | null) => {
      if (id === null) return setOtherId(undefined);
      const index = list.findIndex((v) => v.id === selected?.id);
      setOtherId(id ?? list[index > 0 ? index - 1 : index + 1]?.id);
    },
    [list, selected?.id],
  );
  const other = list.find((v) => v.id === otherId);
  const compare = useMemo(
    (): [ImageVersion, ImageVersion] | undefined =>
      selected && other && other.id !== selected.id ? [selected, other] : undefined,
    [selected, other],
  );
  return { list, selected, compare, add, restore, update, remove, select, compareWith };
}
