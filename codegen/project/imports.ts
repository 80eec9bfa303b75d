import { ts } from "ts-morph";
import type { Problem } from "../types";
import type { ExportEntry, ExportIndex } from "./exports";
import { problem } from "./problems";
import { collectReferences, type FileReferences } from "./references";
import { isRelativeSpecifier, relativeSpecifier, resolveRelative } from "./resolve";
import { isJavaScriptPath, lineAndColumn, toVirtualPath, type CodeFile, type Workspace } from "./workspace";

/** What the import stage will do to one file; computed for every file before any is changed. */
export interface ImportPlan {
  file: CodeFile;
  /** Import declarations that change: their new bindings, or `"remove"`. */
  rewrites: Map<ts.ImportDeclaration, ImportParts | "remove">;
  /** New import declarations (printed), inserted after the last import. */
  additions: string[];
  /** Files newly imported, with whether only types come from them (for the import graph). */
  addedTargets: Array<{ path: string; typeOnly: boolean }>;
  problems: Problem[];
}

/** Declarations the plans remove entirely. */
export function removedDeclarations(plans: readonly ImportPlan[]): Set<ts.Node> {
  const removed = new Set<ts.Node>();
  for (const plan of plans) {
    for (const [declaration, rewrite] of plan.rewrites) {
      if (rewrite === "remove") removed.add(declaration);
    }
  }
  return removed;
}

/** Plans imports for every file that parsed cleanly. Broken files are left alone. */
export function planImports(workspace: Workspace, exports: ExportIndex): ImportPlan[] {
  const checker = workspace.project.getTypeChecker().compilerObject;
  return workspace.code.filter((file) => !file.broken).map((file) => planFile(workspace, exports, file, checker));
}

interface Wanted {
  defaultName?: string;
  named: Array<{ name: string; typeOnly: boolean }>;
}

function planFile(workspace: Workspace, exports: ExportIndex, file: CodeFile, checker: ts.TypeChecker): ImportPlan {
  const source = file.morph.compilerNode;
  const references = collectReferences(source, checker);
  const plan: ImportPlan = {
    file,
    rewrites: new Map(),
    additions: [],
    addedTargets: [],
    problems: [],
  };
  dropUnused(plan, source, references, checker);

  const wanted = new Map<string, Wanted>();
  const javaScript = isJavaScriptPath(file.path);
  for (const free of references.free) {
    const where = { file: file.path, ...lineAndColumn(source, free.position) };
    const candidates = (exports.get(free.name) ?? []).filter(
      (entry) => entry.file !== file.path && !(javaScript && entry.typeOnly),
    );
    const [only] = candidates;
    if (only !== undefined && candidates.length === 1) {
      addWanted(wanted, only);
      const specifier = relativeSpecifier(file.path, only.file);
      const binding = only.kind === "default" ? only.name : `{ ${only.name} }`;
      plan.problems.push(
        problem("info", "added-import", `added import ${binding} from ${JSON.stringify(specifier)}`, where),
      );
    } else if (candidates.length > 1) {
      const files = candidates.map((entry) => entry.file).join(", ");
      plan.problems.push(
        problem("error", "unresolved-import", `${free.name} is exported by several files (${files})`, where),
      );
    } else if (free.jsx) {
      plan.problems.push(
        problem(
          "error",
          "unresolved-import",
          `<${free.name}> is neither declared nor imported, and no file in the set exports it`,
          where,
        ),
      );
    }
  }
  for (const [target, want] of wanted) addImport(workspace, plan, source, target, want, javaScript);
  return plan;
}

function addWanted(wanted: Map<string, Wanted>, entry: ExportEntry): void {
  const want = wanted.get(entry.file) ?? { named: [] };
  if (entry.kind === "default") want.defaultName = entry.name;
  else want.named.push({ name: entry.name, typeOnly: entry.typeOnly });
  wanted.set(entry.file, want);
}

/** Removes import bindings nothing in the file uses; side-effect imports always stay. */
function dropUnused(
  plan: ImportPlan,
  source: ts.SourceFile,
  references: FileReferences,
  checker: ts.TypeChecker,
): void {
  const isUsed = (name: ts.Identifier): boolean => {
    if (references.exported.has(name.text)) return true;
    const symbol = checker.getSymbolAtLocation(name);
    return symbol === undefined || references.used.has(symbol);
  };
  for (const declaration of source.statements.filter(ts.isImportDeclaration)) {
    const clause = declaration.importClause;
    if (clause === undefined) continue;
    const unused: string[] = [];
    const defaultName = clause.name;
    const keepDefault = defaultName !== undefined && isUsed(defaultName);
    if (defaultName !== undefined && !keepDefault) unused.push(defaultName.text);
    const bindings = clause.namedBindings;
    let namespace: string | undefined;
    const named: string[] = [];
    if (bindings !== undefined && ts.isNamespaceImport(bindings)) {
      if (isUsed(bindings.name)) namespace = bindings.name.text;
      else unused.push(`* as ${bindings.name.text}`);
    } else if (bindings !== undefined) {
      for (const element of bindings.elements) {
        if (isUsed(element.name)) named.push(element.getText(source));
        else unused.push(element.name.text);
      }
    }
    if (unused.length === 0) continue;
    const specifier = declaration.moduleSpecifier.getText(source);
    plan.problems.push(
      problem("info", "removed-import", `removed unused import ${unused.join(", ")} from ${specifier}`, {
        file: plan.file.path,
        ...lineAndColumn(source, declaration.getStart(source)),
      }),
    );
    const keptAnything = keepDefault || namespace !== undefined || named.length > 0;
    const parts: ImportParts = {
      specifier,
      typeOnly: clause.isTypeOnly,
      defaultName: keepDefault ? defaultName?.text : undefined,
      namespace,
      named,
      attributes: declaration.attributes?.getText(source),
    };
    plan.rewrites.set(declaration, keptAnything ? parts : "remove");
  }
}

/** An import declaration's parts; `specifier` is quoted, as printed. */
export interface ImportParts {
  specifier: string;
  typeOnly: boolean;
  defaultName?: string | undefined;
  namespace?: string | undefined;
  named: readonly string[];
  attributes?: string | undefined;
}

/** `import type? D, * as N, { a, type b } from "m" with {…};` */
export function printImport(parts: ImportParts): string {
  const bindings: string[] = [];
  if (parts.defaultName !== undefined) bindings.push(parts.defaultName);
  if (parts.namespace !== undefined) bindings.push(`* as ${parts.namespace}`);
  if (parts.named.length > 0) bindings.push(`{ ${parts.named.join(", ")} }`);
  const attributes = parts.attributes === undefined ? "" : ` ${parts.attributes}`;
  return `import ${parts.typeOnly ? "type " : ""}${bindings.join(", ")} from ${parts.specifier}${attributes};`;
}

/** Adds to an existing import of `target` when that is simple, else plans a new declaration. */
function addImport(
  workspace: Workspace,
  plan: ImportPlan,
  source: ts.SourceFile,
  target: string,
  want: Wanted,
  javaScript: boolean,
): void {
  const allTypes = want.defaultName === undefined && want.named.every((entry) => entry.typeOnly);
  plan.addedTargets.push({ path: target, typeOnly: allTypes });
  const exists = (path: string): boolean => workspace.allPaths.has(path);
  const existing = source.statements.filter(ts.isImportDeclaration).find((declaration) => {
    const clause = declaration.importClause;
    if (clause === undefined || clause.isTypeOnly || plan.rewrites.get(declaration) === "remove") return false;
    if (clause.namedBindings !== undefined && ts.isNamespaceImport(clause.namedBindings)) return false;
    if (want.defaultName !== undefined && clause.name !== undefined) return false;
    if (!ts.isStringLiteral(declaration.moduleSpecifier)) return false;
    const specifier = declaration.moduleSpecifier.text;
    return isRelativeSpecifier(specifier) && resolveRelative(plan.file.path, specifier, exists) === target;
  });
  const element = (entry: { name: string; typeOnly: boolean }, inTypeImport: boolean): string =>
    entry.typeOnly && !inTypeImport && !javaScript ? `type ${entry.name}` : entry.name;
  if (existing?.importClause !== undefined) {
    const rewrite = plan.rewrites.get(existing);
    const current = rewrite === undefined || rewrite === "remove" ? partsOf(existing, source) : rewrite;
    plan.rewrites.set(existing, {
      ...current,
      defaultName: want.defaultName ?? current.defaultName,
      named: [...current.named, ...want.named.map((entry) => element(entry, false))],
    });
    return;
  }
  plan.additions.push(
    printImport({
      specifier: JSON.stringify(relativeSpecifier(plan.file.path, target)),
      typeOnly: allTypes && !javaScript,
      defaultName: want.defaultName,
      named: want.named.map((entry) => element(entry, allTypes)),
    }),
  );
}

/** The parts of an import declaration as written. */
function partsOf(declaration: ts.ImportDeclaration, source: ts.SourceFile): ImportParts {
  const clause = declaration.importClause;
  const bindings = clause?.namedBindings;
  return {
    specifier: declaration.moduleSpecifier.getText(source),
    typeOnly: clause?.isTypeOnly ?? false,
    defaultName: clause?.name?.text,
    namespace: bindings !== undefined && ts.isNamespaceImport(bindings) ? bindings.name.text : undefined,
    named:
      bindings !== undefined && ts.isNamedImports(bindings)
        ? bindings.elements.map((element) => element.getText(source))
        : [],
    attributes: declaration.attributes?.getText(source),
  };
}

/** Applies a plan with one text edit pass and one re-parse of the file. */
export function applyImportPlan(workspace: Workspace, plan: ImportPlan): void {
  if (plan.rewrites.size === 0 && plan.additions.length === 0) return;
  const source = plan.file.morph.compilerNode;
  const text = source.getFullText();
  const edits: Array<{ start: number; end: number; text: string }> = [];
  const imports = source.statements.filter(ts.isImportDeclaration);
  const anchor = imports[imports.length - 1];
  const added = plan.additions.join("\n");
  for (const [declaration, rewrite] of plan.rewrites) {
    let newText = rewrite === "remove" ? "" : printImport(rewrite);
    if (declaration === anchor && added !== "") newText = newText === "" ? added : `${newText}\n${added}`;
    let end = declaration.getEnd();
    if (newText === "") end += /^\r?\n/.exec(text.slice(end))?.[0].length ?? 0;
    edits.push({ start: declaration.getStart(source), end, text: newText });
  }
  if (added !== "" && (anchor === undefined || !plan.rewrites.has(anchor))) {
    if (anchor !== undefined) {
      edits.push({ start: anchor.getEnd(), end: anchor.getEnd(), text: `\n${added}` });
    } else {
      const directives = leadingDirectives(source);
      const last = directives[directives.length - 1];
      edits.push(
        last === undefined
          ? { start: 0, end: 0, text: `${added}\n\n` }
          : { start: last.getEnd(), end: last.getEnd(), text: `\n\n${added}` },
      );
    }
  }
  edits.sort((a, b) => b.start - a.start);
  let result = text;
  for (const edit of edits) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  plan.file.morph = workspace.project.createSourceFile(toVirtualPath(plan.file.path), result, {
    overwrite: true,
  });
}

/** `"use client";` and friends: imports go after them. */
function leadingDirectives(source: ts.SourceFile): ts.Statement[] {
  const directives: ts.Statement[] = [];
  for (const statement of source.statements) {
    if (!ts.isExpressionStatement(statement) || !ts.isStringLiteral(statement.expression)) break;
    directives.push(statement);
  }
  return directives;
}
