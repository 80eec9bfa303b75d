/**
 * Checks the generated use of a team's own components against its library's types (codegen/components-map):
 * an unknown prop, a wrong value type, a name the library does not export is a problem with file:line.
 *
 * The library's declaration files sit in an in-memory `node_modules/<module>/`, beside a small stand-in for
 * React's types (no lib files, no disk: it runs in the engine worker as in Node). Only diagnostics inside the
 * JSX of a mapped component or on its import are reported: the rest of the file is the project pass's business,
 * and what the stand-in lacks (DOM types a library extends) makes the check lenient there, never wrong.
 */
import { Node, Project, ts, type SourceFile as MorphFile } from "ts-morph";
import type { Problem, SourceFile } from "../types";
import { problem } from "./problems";
import { isCodePath, lineAndColumn, toVirtualPath } from "./workspace";

export interface LibraryTypes {
  /** The module the generated code imports the components from ("@acme/ui"). */
  module: string;
  /**
   * Its declaration files, paths relative to the package's folder ("index.d.ts", "button.d.ts", "package.json").
   * Without a package.json, the first file is the entry. A file that declares `declare module "…"` blocks is
   * read as global declarations instead.
   */
  files: SourceFile[];
}

/** Enough of React's types for a library's props: ReactNode, elements, the JSX namespace, a few attribute sets. */
const REACT_STAND_IN =
  `export as namespace React;
export type Key = string | number | bigint;
export interface ReactElement<P = unknown> { type: unknown; props: P; key: string | null }
export type ReactNode = ReactElement | string | number | bigint | boolean | null | undefined | Iterable<ReactNode>;
export type CSSProperties = { [property: string]: string | number | undefined };
export type FC<P = {}> = (props: P) => ReactNode;
export type FunctionComponent<P = {}> = FC<P>;
export type ComponentType<P = {}> = FC<P>;
export type PropsWithChildren<P = unknown> = P & { children?: ReactNode };
export interface HTMLAttributes<T> { className?: string; id?: string; style?: CSSProperties; title?: string; role?: ` +
  `string; tabIndex?: number; children?: ReactNode; onClick?(event: unknown): void }
export interface ButtonHTMLAttributes<T> extends HTMLAttributes<T> { disabled?: boolean; type?: "button" | "submit" ` +
  `| "reset" }
export interface InputHTMLAttributes<T> extends HTMLAttributes<T> { value?: string | number; defaultValue?: string ` +
  `| number; placeholder?: string; disabled?: boolean; type?: string; onChange?(event: unknown): void }
export interface AnchorHTMLAttributes<T> extends HTMLAttributes<T> { href?: string; target?: string; rel?: string }
`;

const JSX_RUNTIME = `import type { ReactElement } from "./index";
export namespace JSX {
  interface Element extends ReactElement {}
  interface ElementChildrenAttribute { children: {} }
  interface IntrinsicAttributes { key?: string | number | bigint | null }
  interface IntrinsicElements { [name: string]: any }
}
export declare function jsx(type: unknown, props: unknown, key?: unknown): JSX.Element;
export declare function jsxs(type: unknown, props: unknown, key?: unknown): JSX.Element;
export declare const Fragment: unique symbol;
`;

const AMBIENT = /\bdeclare\s+module\s+["']/;

function createProject(libraries: readonly LibraryTypes[]): Project {
  const project = new Project({
    useInMemoryFileSystem: true,
    skipLoadingLibFiles: true,
    compilerOptions: {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      jsx: ts.JsxEmit.ReactJSX,
      noLib: true,
      strict: true,
      noEmit: true,
      types: [],
      skipLibCheck: true,
    },
  });
  const fs = project.getFileSystem();
  if (!libraries.some((l) => l.module === "react")) {
    project.createSourceFile("/node_modules/react/index.d.ts", REACT_STAND_IN);
    project.createSourceFile("/node_modules/react/jsx-runtime.d.ts", JSX_RUNTIME);
  }
  libraries.forEach((library, index) => {
    const root = `/node_modules/${library.module}`;
    const modular = library.files.filter((f) => !(f.path.endsWith(".d.ts") && AMBIENT.test(f.content)));
    for (const file of library.files) {
      if (file.path.endsWith(".json")) fs.writeFileSync(`${root}/${file.path}`, file.content);
      else if (modular.includes(file))
        project.createSourceFile(`${root}/${file.path}`, file.content, { overwrite: true });
      else project.createSourceFile(`/ambient/${index}/${file.path}`, file.content, { overwrite: true });
    }
    const entry = modular.find((f) => /\.d\.ts$/.test(f.path));
    if (!library.files.some((f) => f.path === "package.json") && entry)
      fs.writeFileSync(`${root}/package.json`, JSON.stringify({ name: library.module, types: entry.path }));
  });
  return project;
}

/** Identifiers a file imports from the libraries' modules. */
function libraryLocals(file: MorphFile, modules: Set<string>): Set<string> {
  const out = new Set<string>();
  for (const decl of file.getImportDeclarations()) {
    if (!modules.has(decl.getModuleSpecifierValue())) continue;
    const def = decl.getDefaultImport();
    if (def) out.add(def.getText());
    for (const named of decl.getNamedImports()) out.add(named.getAliasNode()?.getText() ?? named.getName());
  }
  return out;
}

/** The mapped component whose JSX (or import) holds this position, if any. */
function mappedContext(
  file: MorphFile,
  position: number,
  locals: Set<string>,
  modules: Set<string>,
): string | undefined {
  let attribute: string | undefined;
  for (let node: Node | undefined = file.getDescendantAtPos(position); node; node = node.getParent()) {
    if (Node.isJsxAttribute(node)) attribute ??= node.getNameNode().getText();
    if (Node.isJsxOpeningElement(node) || Node.isJsxSelfClosingElement(node)) {
      const tag = node.getTagNameNode().getText();
      if (locals.has(tag)) return attribute !== undefined ? `<${tag}> prop ${attribute}` : `<${tag}>`;
    }
    if (Node.isImportDeclaration(node))
      return modules.has(node.getModuleSpecifierValue()) ? `import from ${node.getModuleSpecifierValue()}` : undefined;
  }
  return undefined;
}

/** Problems (`component-props`, with file:line) in the generated use of the libraries' components. */
export function checkLibraryUsage(files: readonly SourceFile[], libraries: readonly LibraryTypes[]): Problem[] {
  if (libraries.length === 0) return [];
  const modules = new Set(libraries.map((l) => l.module));
  const project = createProject(libraries);
  const checked: { path: string; morph: MorphFile; locals: Set<string> }[] = [];
  for (const file of files) {
    if (!isCodePath(file.path) || file.bytes) continue;
    const morph = project.createSourceFile(toVirtualPath(file.path), file.content, { overwrite: true });
    const locals = libraryLocals(morph, modules);
    if (locals.size > 0 || morph.getImportDeclarations().some((d) => modules.has(d.getModuleSpecifierValue())))
      checked.push({ path: file.path, morph, locals });
  }
  const program = project.getProgram().compilerObject;
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const { path, morph, locals } of checked) {
    for (const diagnostic of program.getSemanticDiagnostics(morph.compilerNode)) {
      if (diagnostic.start === undefined) continue;
      const where = mappedContext(morph, diagnostic.start, locals, modules);
      if (where === undefined) continue;
      const message = `${where}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, " ")}`;
      const at = lineAndColumn(morph.compilerNode, diagnostic.start);
      const key = `${path}:${at.line}:${message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      problems.push(problem("error", "component-props", message, { file: path, ...at }));
    }
  }
  return problems;
}
