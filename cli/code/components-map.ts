/**
 * `figment code --code-connect DIR --components FILE --types PATH`: the team's own components. Reads the files
 * (the parsing is codegen/components-map's, over text), turns their notes into problems with file:line, and
 * the library's declarations into what the project pass type-checks the generated use against.
 */
import { readdir, stat } from "node:fs/promises";
import { basename, join, relative } from "node:path";
import { parseCodeConnect, type CodeConnectFile } from "../../codegen/components-map/code-connect.js";
import { parseMappingJson } from "../../codegen/components-map/json.js";
import { mergeMaps, type ComponentMap } from "../../codegen/components-map/model.js";
import { MAPPING_PROBLEM, mappingNoteProblem } from "../../codegen/components-map/problems.js";
import type { LibraryTypes } from "../../codegen/project/library-types.js";
import type { CodeOptions } from "../../codegen/index.js";
import type { Problem, SourceFile } from "../../codegen/types.js";
import type { CliArgs } from "../common/args.js";
import { readText } from "../common/io.js";
import { FigmentError } from "../../kernel/errors.js";

/** A folder holding more files than this is not a components folder (a home directory given by mistake). */
const MAX_FILES = 5000;
const CODE_CONNECT = /\.figma\.(tsx|ts|jsx|js)$/;

export interface ComponentsInput {
  map?: ComponentMap;
  libraryTypes?: LibraryTypes[];
  problems: Problem[];
}

async function isDirectory(path: string, flag: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    throw new FigmentError("input", `${flag} ${path}: no such file or folder`);
  }
}

/** Files under `dir` whose names pass `keep`, as paths relative to it, sorted; node_modules and dot folders skipped. */
async function filesUnder(dir: string, keep: (name: string) => boolean, flag: string): Promise<string[]> {
  const out: string[] = [];
  const visit = async (folder: string): Promise<void> => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      if (out.length > MAX_FILES)
        throw new FigmentError(
          "input",
          `${flag} ${dir} holds more than ${MAX_FILES} files; point it at the components' folder`,
        );
      const path = join(folder, entry.name);
      if (entry.isDirectory() && entry.name !== "node_modules" && !entry.name.startsWith(".")) await visit(path);
      else if (entry.isFile() && keep(entry.name)) out.push(relative(dir, path));
    }
  };
  await visit(dir);
  return out.sort();
}

async function readCodeConnect(dir: string): Promise<{ map: ComponentMap; problems: Problem[] }> {
  if (!(await isDirectory(dir, "--code-connect")))
    throw new FigmentError("input", `--code-connect needs a folder of *.figma.tsx files, not the file ${dir}`);
  const names = await filesUnder(dir, (name) => CODE_CONNECT.test(name), "--code-connect");
  const files: CodeConnectFile[] = await Promise.all(
    names.map(async (name) => ({ name: join(dir, name), text: await readText(join(dir, name)) })),
  );
  const read = parseCodeConnect(files);
  const problems = read.notes.map(mappingNoteProblem);
  if (names.length === 0)
    problems.push({
      severity: "warning",
      code: MAPPING_PROBLEM,
      message: `--code-connect ${dir}: no *.figma.tsx or *.figma.ts files`,
    });
  return { map: read.map, problems };
}

async function readMappingFile(path: string): Promise<{ map: ComponentMap; problems: Problem[] }> {
  const read = parseMappingJson(await readText(path), path);
  // A file that is not a mapping at all is bad input; a bad entry is a note and the others still count.
  if (read.unreadable) throw new FigmentError("input", `--components ${read.notes[0]?.message ?? path}`);
  return { map: read.map, problems: read.notes.map(mappingNoteProblem) };
}

/** `--types PATH`, `--types MODULE=PATH`: a package folder (package.json names it), or a declaration file. */
async function readTypes(spec: string, modules: readonly string[]): Promise<LibraryTypes> {
  const eq = spec.indexOf("=");
  // MODULE=PATH when the part before "=" is a package name (`@acme/ui`, `acme-ui`).
  const named = eq > 0 && /^(@[\w.-]+\/)?[\w.-]+$/.test(spec.slice(0, eq)) ? spec.slice(0, eq) : undefined;
  const path = named !== undefined ? spec.slice(eq + 1) : spec;
  if (await isDirectory(path, "--types")) {
    const pkg = JSON.parse(await readText(join(path, "package.json")).catch(() => "{}")) as { name?: unknown };
    const module = named ?? (typeof pkg.name === "string" ? pkg.name : undefined);
    if (module === undefined)
      throw new FigmentError(
        "input",
        `--types ${path}: its package.json names no package; write --types MODULE=${path}`,
      );
    const names = await filesUnder(path, (name) => name.endsWith(".d.ts") || name === "package.json", "--types");
    const files: SourceFile[] = await Promise.all(
      names.map(async (name) => ({ path: name.split("\\").join("/"), content: await readText(join(path, name)) })),
    );
    return { module, files };
  }
  const module = named ?? (modules.length === 1 ? modules[0] : undefined);
  if (module === undefined)
    throw new FigmentError(
      "input",
      `--types ${path}: the mapping imports from ${modules.length ? modules.join(", ") : "no module"}; ` +
        `say which one this file declares: --types MODULE=${path}`,
    );
  return {
    module,
    files: [{ path: basename(path).endsWith(".d.ts") ? "index.d.ts" : basename(path), content: await readText(path) }],
  };
}

/** The mapping and library types the flags name; nothing (no problems) without them. */
export async function readComponentsInput(
  args: Pick<CliArgs, "codeConnect" | "components" | "types">,
): Promise<ComponentsInput> {
  if (args.codeConnect === undefined && args.components === undefined) {
    if (args.types.length > 0)
      throw new FigmentError("input", "--types checks mapped components: add --components FILE or --code-connect DIR");
    return { problems: [] };
  }
  const sources = [
    ...(args.components !== undefined ? [await readMappingFile(args.components)] : []),
    ...(args.codeConnect !== undefined ? [await readCodeConnect(args.codeConnect)] : []),
  ];
  const map = mergeMaps(...sources.map((s) => s.map));
  const problems = sources.flatMap((s) => s.problems);
  const modules = [...new Set(map.components.map((c) => c.import.module))];
  const libraryTypes = await Promise.all(args.types.map((spec) => readTypes(spec, modules)));
  if (libraryTypes.length === 0 && map.components.length > 0)
    problems.push({
      severity: "info",
      code: MAPPING_PROBLEM,
      message:
        "the mapped components' props are not type-checked: --types " +
        "PATH (the library's .d.ts or package folder) checks them",
    });
  return { map, ...(libraryTypes.length > 0 ? { libraryTypes } : {}), problems };
}

/** The code options the components input adds (none without it). */
export function componentOptions(input: ComponentsInput): Pick<CodeOptions, "components" | "libraryTypes"> {
  return {
    ...(input.map ? { components: input.map } : {}),
    ...(input.libraryTypes ? { libraryTypes: input.libraryTypes } : {}),
  };
}
