/**
 * The Components section's actions over the document's mapping: each one saves to the document at once
 * (`save-components`), and what the readers noted (a bad file, a Code Connect text, the stored mapping) is kept
 * to show. A refused save (too large for Figma) leaves the stored mapping as it was. Each change is made on the
 * stored mapping as it is when written (save-on-latest.ts), so a collaborator's save is kept. `refresh` reads the
 * stored mapping again (a collaborator may have saved one); a read that a save overtook is dropped.
 */
import { useRef, useState } from "preact/hooks";
import { parseMappingJson, serialiseMap } from "../../../codegen/components-map/json.js";
import type { ComponentMap, ComponentMapping, MappingNote } from "../../../codegen/components-map/model.js";
import type { StoredComponents } from "../../../contract/components.js";
import type { MainRequests } from "../../channel/requests.js";
import type { Engine } from "../../engine/engine.js";
import type { ReplyOf } from "../../engine/protocol/index.js";
import { downloadBytes } from "../../lib/download.js";
import { findMapping, upsert, without } from "./mapping-draft.js";
import { saveOnLatest, type MapChange, type SendMapping } from "./save-on-latest.js";

/** Where the last change stands: saving, saved to the document, or refused (the notes say why). */
export type SaveStatus = "idle" | "saving" | "saved" | "failed";

export interface ComponentsActions {
  busy: boolean;
  status: SaveStatus;
  /** What the last import, paste or save noted; `title` says what it was about. */
  notes: { title: string; list: MappingNote[] } | undefined;
  /** Saves `mapping` in place of `original` (where it is now), or of one for the same component, else adds it. */
  save(mapping: ComponentMapping, original: ComponentMapping | undefined): Promise<boolean>;
  remove(index: number): Promise<void>;
  importFile(file: File): Promise<void>;
  exportFile(): void;
  readCodeConnect(text: string): Promise<boolean>;
  /** Reads the stored mapping again (skipped while a change is being saved). */
  refresh(): void;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function useComponents(
  requests: MainRequests,
  worker: Pick<Engine, "call">,
  stored: StoredComponents | undefined,
  onStored: (s: StoredComponents) => void,
): ComponentsActions {
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<SaveStatus>("idle");
  const [notes, setNotes] = useState<ComponentsActions["notes"]>(undefined);
  /** A file or text that is refused changes nothing: no "Saved" left from an earlier change to suggest otherwise. */
  const refuse = (title: string, list: MappingNote[]): void => {
    setNotes({ title, list });
    setStatus("idle");
  };
  /** Counts saves, so a read sent before one cannot put back what the save replaced. */
  const saves = useRef(0);
  const saving = useRef(false);
  // The stored mapping as it is now: a paste or an import awaits the engine or the file, and a collaborator's
  // mapping read meanwhile (refresh) must not be dropped by a change built on the one shown at the click.
  const latest = useRef(stored);
  latest.current = stored;
  const mapNow = (): ComponentMap => latest.current?.map ?? { components: [] };

  const send: SendMapping = (map, base) =>
    requests.call("save-components", { map, ...(base !== undefined ? { base } : {}) });
  /**
   * Stores `change` made on the stored mapping as it is when written; false (and the reason shown) when it was refused.
   */
  const store = async (change: MapChange, title: string, readNotes: MappingNote[] = []): Promise<boolean> => {
    saves.current++;
    saving.current = true;
    setBusy(true);
    setStatus("saving");
    try {
      const stored = await saveOnLatest(send, change, latest.current, onStored);
      onStored(stored);
      const list = [...readNotes, ...stored.notes];
      setNotes(list.length > 0 ? { title, list } : undefined);
      setStatus("saved");
      return true;
    } catch (error) {
      setNotes({ title: "Not saved", list: [...readNotes, { severity: "error", message: messageOf(error) }] });
      setStatus("failed");
      return false;
    } finally {
      saving.current = false;
      setBusy(false);
    }
  };

  return {
    busy,
    status,
    notes,
    save: (mapping, original) =>
      store((map) => upsert(map, mapping, original ? findMapping(map, original) : undefined), "Saved, with notes"),
    remove: async (index) => {
      // By what it is, not where it was: a collaborator's save may have moved it (or removed it: nothing to do).
      const target = mapNow().components[index];
      if (!target) return;
      await store((map) => {
        const at = findMapping(map, target);
        return at === undefined ? map : without(map, at);
      }, "Removed");
    },
    importFile: async (file) => {
      const read = parseMappingJson(await file.text(), file.name);
      const errors = read.notes.filter((n) => n.severity === "error");
      // A file that is not a mapping, or has entries that do not read, changes nothing: its notes say why.
      if (read.unreadable || errors.length > 0) {
        refuse(`${file.name} was not imported; the file's mapping is unchanged`, read.notes);
        return;
      }
      // An imported file replaces the mapping, whatever it holds now.
      await store(() => read.map, `Imported ${file.name}`, read.notes);
    },
    // Without the `source` each read stamps on ("this file's mapping#/components/0"): it names this document, not the
    // file.
    exportFile: () =>
      downloadBytes(
        new TextEncoder().encode(
          serialiseMap({ components: mapNow().components.map(({ source: _source, ...mapping }) => mapping) }),
        ),
        "components.json",
        "application/json",
      ),
    readCodeConnect: async (text) => {
      setBusy(true);
      let read: ReplyOf<"read-code-connect">;
      try {
        read = await worker.call("read-code-connect", { name: "pasted.figma.tsx", text });
      } catch (error) {
        refuse("Could not read the Code Connect text; the file's mapping is unchanged", [
          { severity: "error", message: messageOf(error) },
        ]);
        return false;
      } finally {
        setBusy(false);
      }
      if (read.map.components.length === 0) {
        refuse("No figma.connect() call could be read; the file's mapping is unchanged", read.notes);
        return false;
      }
      return store(
        (map) => read.map.components.reduce((m, mapping) => upsert(m, mapping), map),
        `Read ${read.map.components.length} mapping${read.map.components.length === 1 ? "" : "s"} from Code Connect`,
        read.notes,
      );
    },
    refresh: () => {
      if (saving.current) return;
      const before = saves.current;
      requests.call("load-components", {}).then(
        (reply) => {
          if (saves.current === before) onStored(reply.stored);
        },
        // The list shown stays as it was; the next focus tries again.
        (error: unknown) =>
          console.warn("Figment: could not read the file's component mapping again:", messageOf(error)),
      );
    },
  };
}
