/**
 * The project the plugin's zip holds: the runnable starter around the generated files (codegen/scaffold), and beside
 * it the record of them all (`.figment/`, record.ts) with `by: "plugin"`, so a zip unpacked into a project can later
 * be updated by the CLI (`figment code NEW.json --update DIR`) or by the panel's "Download update" patch (patch.ts).
 * The same function makes the project of a result just generated and, from what History kept of it, the project of an
 * earlier one: the patch between the two is what the team's folder needs. Pure.
 */
import type { DesignFacts } from "../design/design-diff.js";
import { starterProject } from "../scaffold/vue-project.js";
import type { Styling, Target } from "../targets.js";
import type { SourceFile } from "../types.js";
import { recordFiles } from "./record.js";

/** What the record says of a result made in the plugin. */
export interface PluginGeneration {
  /** The Figment version that made it. */
  figment: string;
  createdAt: string;
  /** The frames converted (the first names the project), by id and name. */
  frames: readonly { id: string; name: string }[];
  target: Target;
  styling: Styling;
  nodeIds: boolean;
  /** The design's facts when it was made (absent: an update cannot say what changed). */
  design?: DesignFacts;
}

/** The starter the plugin's zip puts around a target's files (`--project` of the CLI). */
export const pluginStarter = (target: Target): "expo" | "vite" => (target === "react-native" ? "expo" : "vite");

/**
 * The zip's files: the starter project around `files` (text files first, binaries after, each in their order, so the
 * record's list does not depend on where an image sat among the files), then `.figment/`.
 */
export function recordedProject(files: readonly SourceFile[], made: PluginGeneration): SourceFile[] {
  const name = made.frames[0]?.name ?? "design";
  const kind = pluginStarter(made.target);
  const project = starterProject([...files], { target: made.target, styling: made.styling, name, kind });
  const ordered = [...project.filter((f) => f.bytes === undefined), ...project.filter((f) => f.bytes !== undefined)];
  const record = recordFiles(
    {
      figment: made.figment,
      createdAt: made.createdAt,
      by: "plugin",
      source: { nodes: made.frames.map((f) => f.id), frames: made.frames.map(({ id, name: n }) => ({ id, name: n })) },
      options: { target: made.target, styling: made.styling, nodeIds: made.nodeIds, project: kind },
    },
    ordered,
    made.design,
  );
  return [...ordered, ...record];
}

/** A binary file History did not keep, by path and size. */
export interface KeptAsset {
  path: string;
  bytes: number;
}

/**
 * An earlier generation's files as History kept them: its text files, and its binary files by path and size only. A
 * binary the new generation (`now`) holds at the same path with the same size is taken as the same file (assets are
 * named after their image); any other stands as zeros of its size, which the patch only names.
 */
export function keptGeneration(
  files: readonly SourceFile[],
  assets: readonly KeptAsset[],
  now: readonly SourceFile[],
): SourceFile[] {
  const fresh = new Map(now.filter((f) => f.bytes !== undefined).map((f) => [f.path, f]));
  return [
    ...files.filter((f) => f.bytes === undefined),
    ...assets.map(({ path, bytes }) => {
      const same = fresh.get(path);
      return same?.bytes?.length === bytes ? same : { path, content: "", bytes: new Uint8Array(bytes) };
    }),
  ];
}
