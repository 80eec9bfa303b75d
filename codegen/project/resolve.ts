/** Module specifiers between files of the set: resolving relative ones and writing new ones. */

/** Tried, in order, after a specifier without (or with an unknown) extension. */
export const RESOLVE_EXTENSIONS = [".ts", ".tsx", ".js", ".jsx", ".css", ".module.css"] as const;

/** `./x.js` may name `x.ts` (TypeScript's ESM convention). */
const SCRIPT_SWAPS: ReadonlyArray<readonly [string, readonly string[]]> = [
  [".js", [".ts", ".tsx"]],
  [".jsx", [".tsx"]],
  [".mjs", [".mts"]],
];

export function isRelativeSpecifier(specifier: string): boolean {
  return specifier === "." || specifier === ".." || specifier.startsWith("./") || specifier.startsWith("../");
}

function dirname(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash === -1 ? "" : path.slice(0, slash);
}

/** Joins `dir` and a relative specifier; undefined when it climbs above the root of the set. */
function join(dir: string, specifier: string): string | undefined {
  const segments = dir === "" ? [] : dir.split("/");
  for (const segment of specifier.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") {
      if (segments.length === 0) return undefined;
      segments.pop();
    } else {
      segments.push(segment);
    }
  }
  return segments.join("/");
}

/**
 * Resolves a relative specifier from `fromPath` to a path of the set (case-sensitive, like Linux and
 * bundlers), trying the extensions and `/index.*`; undefined when no file matches.
 */
export function resolveRelative(
  fromPath: string,
  specifier: string,
  exists: (path: string) => boolean,
): string | undefined {
  const base = join(dirname(fromPath), specifier.split(/[?#]/)[0] ?? specifier);
  if (base === undefined) return undefined;
  const candidates: string[] = [];
  if (base !== "") {
    candidates.push(base);
    for (const [from, targets] of SCRIPT_SWAPS) {
      if (base.endsWith(from)) {
        for (const to of targets) candidates.push(base.slice(0, -from.length) + to);
      }
    }
    for (const extension of RESOLVE_EXTENSIONS) candidates.push(base + extension);
  }
  const index = base === "" ? "index" : `${base}/index`;
  for (const extension of RESOLVE_EXTENSIONS) candidates.push(index + extension);
  return candidates.find(exists);
}

const STRIPPED_EXTENSIONS = [".d.ts", ".tsx", ".ts", ".jsx", ".js"] as const;

/** The specifier `fromPath` should use to import `toPath`: relative, `./`-prefixed, no script extension. */
export function relativeSpecifier(fromPath: string, toPath: string): string {
  const extension = STRIPPED_EXTENSIONS.find((candidate) => toPath.endsWith(candidate));
  const target = extension === undefined ? toPath : toPath.slice(0, -extension.length);
  const from = dirname(fromPath)
    .split("/")
    .filter((segment) => segment !== "");
  const to = target.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  const up = from.length - common;
  const rest = to.slice(common).join("/");
  return up === 0 ? `./${rest}` : `${"../".repeat(up)}${rest}`;
}
