/**
 * The team's component mapping, kept with the document (figma.root shared plugin data, contract/components.ts):
 * read and checked field by field (codegen/components-map/json.ts), stored as a mapping file's text. Figma keeps
 * at most 100 kB per entry; a larger mapping is refused with a message that says so, and the stored one stays.
 */
import { readMappingJson } from "../../codegen/components-map/json.js";
import { cyrb53 } from "../../kernel/hash.js";
import type { ComponentMap } from "../../codegen/components-map/model.js";
import { COMPONENTS_DATA, SHARED_PLUGIN_DATA_MAX_BYTES, type StoredComponents } from "../../contract/components.js";
import { PluginError, errorText, formatCount } from "../errors.js";
import { utf8Length } from "../../kernel/utf8.js";

/** How notes name the stored mapping. */
const STORED_NAME = "this file's mapping";

/** The entry's size as Figma counts it: namespace, key and value. */
export function entryBytes(text: string): number {
  return text === "" ? 0 : utf8Length(COMPONENTS_DATA.namespace) + utf8Length(COMPONENTS_DATA.key) + utf8Length(text);
}

/**
 * The stored text: the mapping file without the `source` each read stamps on (where a mapping came from is not kept).
 */
export function mappingText(map: ComponentMap): string {
  if (map.components.length === 0) return "";
  return JSON.stringify({ components: map.components.map(({ source: _source, ...mapping }) => mapping) });
}

/** The stored text's revision: changes with any change to it (a collaborator's save included). */
export const revisionOf = (text: string): string => `${text.length.toString(36)}-${cyrb53(text).toString(36)}`;

function read(text: string): StoredComponents {
  const base = { bytes: entryBytes(text), limit: SHARED_PLUGIN_DATA_MAX_BYTES, revision: revisionOf(text) };
  if (text === "") return { map: { components: [] }, notes: [], ...base };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return {
      map: { components: [] },
      notes: [
        {
          severity: "error",
          message: `${STORED_NAME} is not valid JSON (${errorText(error)}); saving a mapping replaces it`,
        },
      ],
      ...base,
    };
  }
  const { map, notes } = readMappingJson(json, STORED_NAME);
  return { map, notes, ...base };
}

const storedText = (): string => figma.root.getSharedPluginData(COMPONENTS_DATA.namespace, COMPONENTS_DATA.key);

/** The document's mapping as stored now. */
export function loadComponents(): StoredComponents {
  return read(storedText());
}

/**
 * Replaces the document's mapping with `map` (checked first: what does not read is left out and noted). Refused,
 * changing nothing, when it would exceed Figma's limit per entry. With `base`, the revision the change was made
 * on: when the document holds another mapping now (a collaborator's save arrived meanwhile), nothing is written
 * and `conflict` comes back with the mapping as it is. The main thread runs one message at a time, so the check
 * and the write cannot be split by another save from this plugin.
 */
export function saveComponents(map: ComponentMap, base?: string): { stored: StoredComponents; conflict?: true } {
  if (base !== undefined) {
    const now = storedText();
    if (revisionOf(now) !== base) return { stored: read(now), conflict: true };
  }
  const checked = readMappingJson(map, "the mapping");
  const text = mappingText(checked.map);
  const bytes = entryBytes(text);
  if (bytes > SHARED_PLUGIN_DATA_MAX_BYTES) {
    throw new PluginError(
      "storage-full",
      `The component mapping is ${formatCount(bytes)} bytes; Figma keeps at most ` +
        `${formatCount(SHARED_PLUGIN_DATA_MAX_BYTES)} bytes (100 kB) of plugin data per entry with ` +
        `the document. Remove mappings (or props) and save again; the stored mapping was kept.`,
    );
  }
  try {
    figma.root.setSharedPluginData(COMPONENTS_DATA.namespace, COMPONENTS_DATA.key, text);
  } catch (error) {
    throw new PluginError("storage-failed", `Figma did not keep the component mapping: ${errorText(error)}`);
  }
  const stored = read(text);
  return { stored: { ...stored, notes: [...checked.notes, ...stored.notes] } };
}
