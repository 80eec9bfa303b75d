import { ts } from "ts-morph";
import type { Problem } from "../types";
import { problem } from "./problems";
import { isRelativeSpecifier, resolveRelative } from "./resolve";
import { lineAndColumn, type CodeFile, type Workspace } from "./workspace";

/** How a module is referenced: type-only and dynamic references cannot form a load-time cycle. */
export type ReferenceKind = "static" | "type" | "dynamic";

export interface ModuleReference {
  specifier: string;
  kind: ReferenceKind;
  line: number;
  column: number;
  /** The import declaration, when the reference is one (the import stage may remove it). */
  declaration?: ts.ImportDeclaration;
}

/** Static imports, `export … from`, and `import("x")` / `require("x")` with a literal specifier. */
export function collectModuleReferences(file: ts.SourceFile): ModuleReference[] {
  const references: ModuleReference[] = [];
  const add = (literal: ts.Expression, kind: ReferenceKind, declaration?: ts.ImportDeclaration): void => {
    if (!ts.isStringLiteralLike(literal)) return;
    const where = lineAndColumn(file, literal.getStart(file));
    const reference: ModuleReference = { specifier: literal.text, kind, ...where };
    if (declaration !== undefined) reference.declaration = declaration;
    references.push(reference);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      add(node.moduleSpecifier, isTypeOnlyImport(node) ? "type" : "static", node);
      return;
    }
    if (ts.isExportDeclaration(node)) {
      if (node.moduleSpecifier !== undefined) {
        add(node.moduleSpecifier, node.isTypeOnly ? "type" : "static");
      }
      return;
    }
    if (ts.isCallExpression(node) && node.arguments.length === 1) {
      const [argument] = node.arguments;
      const isImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = ts.isIdentifier(node.expression) && node.expression.text === "require";
      if (argument !== undefined && (isImport || isRequire)) {
        add(argument, isImport ? "dynamic" : "static");
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return references;
}

/** `import type …`, or only `type`-marked named bindings. */
export function isTypeOnlyImport(declaration: ts.ImportDeclaration): boolean {
  const clause = declaration.importClause;
  if (clause === undefined) return false;
  if (clause.isTypeOnly) return true;
  if (clause.name !== undefined) return false;
  const bindings = clause.namedBindings;
  return (
    bindings !== undefined &&
    ts.isNamedImports(bindings) &&
    bindings.elements.length > 0 &&
    bindings.elements.every((element) => element.isTypeOnly)
  );
}

/** A resolved edge of the import graph. */
export interface ImportEdge {
  from: string;
  to: string;
  kind: ReferenceKind;
  /** Line in the input file; undefined for imports the pass added. */
  line?: number;
}

/**
 * Reports relative references that name no file of the set, and returns the resolved edges.
 * `removed` holds import declarations the import stage drops (neither reported nor edges).
 */
export function resolveReferences(
  workspace: Workspace,
  removed: ReadonlySet<ts.Node>,
): { edges: ImportEdge[]; problems: Problem[] } {
  const edges: ImportEdge[] = [];
  const problems: Problem[] = [];
  const exists = (path: string): boolean => workspace.allPaths.has(path);
  for (const file of workspace.code) {
    for (const reference of collectModuleReferences(file.morph.compilerNode)) {
      if (reference.declaration !== undefined && removed.has(reference.declaration)) continue;
      if (!isRelativeSpecifier(reference.specifier)) continue;
      const target = resolveRelative(file.path, reference.specifier, exists);
      if (target === undefined) {
        problems.push(unresolvedProblem(file, reference, workspace.allPaths));
        continue;
      }
      edges.push({ from: file.path, to: target, kind: reference.kind, line: reference.line });
    }
  }
  return { edges, problems };
}

function unresolvedProblem(file: CodeFile, reference: ModuleReference, allPaths: ReadonlySet<string>): Problem {
  const lower = new Map([...allPaths].map((path) => [path.toLowerCase(), path]));
  const nearMiss = resolveRelative(file.path, reference.specifier, (path) => lower.has(path.toLowerCase()));
  const hint = nearMiss === undefined ? "" : ` (did you mean ${lower.get(nearMiss.toLowerCase()) ?? nearMiss}?)`;
  return problem(
    "error",
    "unresolved-import",
    `${JSON.stringify(reference.specifier)} names no file in the set${hint}`,
    { file: file.path, line: reference.line, column: reference.column },
  );
}
