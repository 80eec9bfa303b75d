/**
 * Results the store refused for space, kept here in memory until the user frees space (then saved again) or
 * chooses to drop them: nothing is lost without the user choosing it. Lives at the app level, so switching
 * panels keeps them (closing the plugin does not: the banner says so).
 */
import { useCallback, useRef, useState } from "preact/hooks";
import type { HistoryFull, SavedEntry } from "../../contract/history.js";
import type { MainRequests } from "../channel/requests.js";
import { saveToHistory } from "../channel/history-client.js";
import { sizeText } from "./history-list.js";

export interface RefusedSave {
  entry: SavedEntry;
  full: HistoryFull;
}

export interface RefusedSaves {
  list: RefusedSave[];
  add(entry: SavedEntry, full: HistoryFull): void;
  /** Saves each again: those saved leave the list, the rest stay with the store's new answer. */
  retry(): Promise<{ saved: RefusedSave[]; left: RefusedSave[] }>;
  drop(): void;
}

/** "the code result for “Login”", "an image", "the analysis of “Home”". */
export function entryWords(entry: SavedEntry): string {
  if (entry.kind === "code") return `the ${entry.mode === "ai" ? "AI " : ""}code result for “${entry.frame.name}”`;
  if (entry.kind === "analysis") return `the analysis of “${entry.frame.name}”`;
  return "an image";
}

/** The banner's words for a refused save: what was not kept and why. */
export function refusedText(saves: readonly RefusedSave[]): string {
  const [first] = saves;
  if (!first) return "";
  const what =
    saves.length === 1
      ? `${entryWords(first.entry)} (${sizeText(first.full.needed)})`
      : `${saves.length} results (${sizeText(saves.reduce((s, r) => s + r.full.needed, 0))})`;
  return (
    `Not kept in history: ${what}. The plugin's storage (Figma's 5 MB) is full. It is held until ` +
    `the plugin closes: open History to free up space or export first. Nothing was deleted.`
  );
}

export function useRefusedSaves(requests: MainRequests): RefusedSaves {
  const [list, setList] = useState<RefusedSave[]>([]);
  const ref = useRef(list);
  const put = (next: RefusedSave[]) => {
    ref.current = next;
    setList(next);
  };
  const add = useCallback(
    (entry: SavedEntry, full: HistoryFull) =>
      put([...ref.current.filter((r) => !(r.entry.kind === entry.kind && r.entry.id === entry.id)), { entry, full }]),
    [],
  );
  const retry = useCallback(async () => {
    const saved: RefusedSave[] = [];
    const left: RefusedSave[] = [];
    for (const refused of ref.current) {
      const outcome = await saveToHistory(requests, refused.entry);
      if ("saved" in outcome) saved.push(refused);
      else left.push({ entry: refused.entry, full: outcome.full });
    }
    put(left);
    return { saved, left };
  }, [requests]);
  const drop = useCallback(() => put([]), []);
  return { list, add, retry, drop };
}
