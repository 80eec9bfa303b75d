/**
 * The team's own components (issue 26): the API the CLI and the plugin call. All of it is pure, over text and
 * the design tree, so the plugin can read pasted Code Connect text or a stored mapping the same way.
 *
 *   parseCodeConnectText(name, text) → { map, notes }   a Code Connect file (ts-morph: CLI and engine worker only)
 *   parseCodeConnect(files)          → { map, notes }   several, in order
 *   parseMappingJson(text, name)     → { map, notes, unreadable? }   a mapping file, checked field by field
 *   readMappingJson(json, name)      → the same from parsed JSON (e.g. the plugin's stored value)
 *   serialiseMap(map)                → the mapping file's text (components.schema.json)
 *   mergeMaps(...maps)               → one map; earlier sources win a tie
 *   previewInstance(doc, nodeId, map) → { jsx?, notes }  the JSX the mapping writes for one instance
 *   mapInstances(doc, map)           → { byNode, problems }  every mapped instance of a design, with notes
 *   usedMappings(doc, map)           → the mappings the design's instances use
 *   mappingNoteProblem(note)         → the note as a code result's problem (file and line kept)
 *
 * The emitters take the map as `CodeOptions.components`, and `CodeOptions.libraryTypes` type-checks the use
 * (codegen/project/library-types.ts); a model's answer is checked against the mapping itself too
 * (codegen/project/component-usage.ts, through `PromptInput.componentMap`).
 *
 * Light modules (no ts-morph) for the panel's main thread: model.ts, json.ts, resolve.ts, value-maps.ts, layers.ts,
 * preview.ts, problems.ts. Code Connect reading (code-connect*.ts) needs ts-morph: the CLI and the project pass part.
 */
export { parseCodeConnect, parseCodeConnectText, nodeIdFromUrl, type CodeConnectFile } from "./code-connect.js";
export { parseMappingJson, readMappingJson, serialiseMap } from "./json.js";
export {
  mergeMaps,
  normaliseNodeId,
  type ClassNamePart,
  type CodeImport,
  type ComponentMap,
  type ComponentMapping,
  type FigmaComponentRef,
  type JsxCode,
  type MappingNote,
  type MappingRead,
  type PropLiteral,
  type PropSource,
} from "./model.js";
export { componentsForModel, previewInstance, type InstanceNote, type InstancePreview } from "./preview.js";
export { mapInstances, mappingFor, usedMappings, type MappedDesign } from "./resolve.js";
export { MAPPING_PROBLEM, mappingNoteProblem } from "./problems.js";
