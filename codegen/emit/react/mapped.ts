/**
 * The React emitter's side of the component mapping: each code component's name in the generated files (taken
 * before the screens' and components' names, so a library's `Button` keeps its name and a generated one moves
 * aside), which instances draw as it, and the import lines of the files that use it (a value map's JSX brings its own).
 */
import type { DesignDocument, DesignNode } from "../../design/types.js";
import { mapInstances } from "../../components-map/resolve.js";
import { MAPPING_PROBLEM } from "../../components-map/problems.js";
import type { CodeImport, ComponentMap, JsxCode, MappedInstance, MappedValue } from "../../components-map/model.js";
import type { Problem } from "../../types.js";
import type { MappedUsage } from "../mapped.js";
import type { NameScope } from "../names.js";
import type { VNode } from "../vnode.js";

export interface LibraryComponents {
  /** Local names taken, for the component plan's reserved names. */
  names: string[];
  mappedFor(node: DesignNode): MappedUsage | undefined;
  /** Whether an instance is mapped (the component plan leaves it and its layers alone). */
  isMapped(node: DesignNode): boolean;
  /** The import lines for the mapped components a file's tree uses, one per module. */
  importLines(tree: VNode): string[];
  problems: Problem[];
}

const importKey = (i: CodeImport): string => `${i.module}\0${i.default ? "default" : i.name}`;

function usedLocals(node: VNode, out: Set<string>): void {
  if (node.type === "mapped") {
    out.add(node.component);
    for (const value of [...node.props.map(([, v]) => v), ...node.children]) {
      if ("jsx" in value) usedLocals(value.jsx, out);
      else if ("code" in value) for (const imported of value.code.imports) out.add(imported.name);
    }
  } else if (node.type === "if") usedLocals(node.child, out);
  else if (node.type === "element") for (const child of node.children) usedLocals(child, out);
}

const codeValues = (mapped: MappedInstance): JsxCode[] =>
  [...mapped.props.map(([, v]) => v), ...mapped.children].flatMap((v) => ("code" in v ? [v.code] : []));

/** The instance without the value-map JSX whose names could not be kept (another import took them). */
function withoutClashing(mapped: MappedInstance, clashing: ReadonlySet<string>): MappedInstance {
  if (clashing.size === 0) return mapped;
  const fits = (v: MappedValue): boolean => !("code" in v) || v.code.imports.every((i) => !clashing.has(importKey(i)));
  return { ...mapped, props: mapped.props.filter(([, v]) => fits(v)), children: mapped.children.filter(fits) };
}

export function libraryComponents(
  doc: DesignDocument,
  map: ComponentMap | undefined,
  scope: NameScope,
): LibraryComponents {
  const { byNode, problems } = mapInstances(doc, map);
  const locals = new Map<string, { local: string; from: CodeImport }>();
  for (const mapped of byNode.values()) {
    const key = importKey(mapped.mapping.import);
    if (!locals.has(key))
      locals.set(key, { local: scope.take(mapped.mapping.import.name), from: mapped.mapping.import });
  }
  // A value map's JSX names what it imports as written: that name, or the value is left out.
  const clashing = new Set<string>();
  for (const mapped of byNode.values()) {
    for (const imported of codeValues(mapped).flatMap((c) => c.imports)) {
      const key = importKey(imported);
      if (clashing.has(key) || locals.get(key)?.local === imported.name) continue;
      const local = locals.has(key) ? undefined : scope.take(imported.name);
      if (local === imported.name) locals.set(key, { local, from: imported });
      else {
        clashing.add(key);
        problems.push({
          severity: "warning",
          code: MAPPING_PROBLEM,
          message:
            `${mapped.mapping.source ?? `${mapped.mapping.import.name} from ${mapped.mapping.import.module}`}` +
            `: the value map's JSX uses ${imported.name} from ${imported.module}, but another component in ` +
            `these files has that name; the values that use it are left out`,
        });
      }
    }
  }
  const byLocal = new Map([...locals.values()].map((entry) => [entry.local, entry.from]));
  return {
    names: [...byLocal.keys()],
    problems,
    isMapped: (node) => byNode.has(node.id),
    mappedFor: (node) => {
      const mapped = byNode.get(node.id);
      return mapped
        ? { mapped: withoutClashing(mapped, clashing), local: locals.get(importKey(mapped.mapping.import))!.local }
        : undefined;
    },
    importLines: (tree) => {
      const used = new Set<string>();
      usedLocals(tree, used);
      const modules = new Map<string, { defaults: string[]; named: string[] }>();
      for (const local of [...used].sort()) {
        const from = byLocal.get(local)!;
        const entry = modules.get(from.module) ?? { defaults: [], named: [] };
        if (from.default) entry.defaults.push(local);
        else entry.named.push(from.name === local ? local : `${from.name} as ${local}`);
        modules.set(from.module, entry);
      }
      return [...modules]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .flatMap(([module, { defaults, named }]) => [
          ...defaults.map((d) => `import ${d} from ${JSON.stringify(module)};`),
          ...(named.length > 0 ? [`import { ${named.join(", ")} } from ${JSON.stringify(module)};`] : []),
        ]);
    },
  };
}
