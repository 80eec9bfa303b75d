import { Node, ts, type FunctionDeclaration, type VariableDeclaration } from "ts-morph";
import type { Problem } from "../types";
import { isPascalCase } from "./exports";
import { problem } from "./problems";
import { isRelativeSpecifier, resolveRelative } from "./resolve";
import { isJsxPath, lineAndColumn, type CodeFile, type Workspace } from "./workspace";

/** `button` → `Button`, `my_button` → `MyButton`; undefined when no valid identifier comes out. */
export function toPascalCase(name: string): string | undefined {
  const pascal = name
    .split(/[_$]+/)
    .filter((part) => part !== "")
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join("");
  return /^\p{Lu}[\p{L}\p{N}]*$/u.test(pascal) ? pascal : undefined;
}

function isHookName(name: string): boolean {
  return /^use($|[A-Z0-9_])/.test(name);
}

/** `<div/>`, `(<a/>)`, `cond ? <a/> : null`, `ok && <a/>`. */
function isJsxLike(expression: ts.Expression): boolean {
  let node: ts.Expression = expression;
  while (
    ts.isParenthesizedExpression(node) ||
    ts.isAsExpression(node) ||
    ts.isSatisfiesExpression(node) ||
    ts.isNonNullExpression(node)
  ) {
    node = node.expression;
  }
  if (ts.isJsxElement(node) || ts.isJsxSelfClosingElement(node) || ts.isJsxFragment(node)) return true;
  if (ts.isConditionalExpression(node)) return isJsxLike(node.whenTrue) || isJsxLike(node.whenFalse);
  if (ts.isBinaryExpression(node)) {
    const operator = node.operatorToken.kind;
    const logical =
      operator === ts.SyntaxKind.AmpersandAmpersandToken ||
      operator === ts.SyntaxKind.BarBarToken ||
      operator === ts.SyntaxKind.QuestionQuestionToken;
    return logical && isJsxLike(node.right);
  }
  return false;
}

/** Whether the function itself (not a nested one) returns JSX. */
export function returnsJsx(fn: ts.FunctionLikeDeclaration): boolean {
  const body = fn.body;
  if (body === undefined) return false;
  if (!ts.isBlock(body)) return isJsxLike(body);
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found || ts.isFunctionLike(node) || ts.isClassLike(node)) return;
    if (ts.isReturnStatement(node) && node.expression !== undefined && isJsxLike(node.expression)) {
      found = true;
      return;
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(body, visit);
  return found;
}

type ComponentNode = FunctionDeclaration | VariableDeclaration;

/** Exported function components: functions or `const x = () => …` returning JSX, at most one parameter. */
function findComponents(file: CodeFile): Array<{ node: ComponentNode; name: string }> {
  const found: Array<{ node: ComponentNode; name: string }> = [];
  for (const fn of file.morph.getFunctions()) {
    const compiler = fn.compilerNode;
    const name = fn.getName();
    if (name === undefined || compiler.parameters.length > 1) continue;
    if (returnsJsx(compiler) && fn.isExported()) found.push({ node: fn, name });
  }
  for (const statement of file.morph.getVariableStatements()) {
    for (const declaration of statement.getDeclarations()) {
      const initializer = declaration.getInitializer();
      if (!Node.isArrowFunction(initializer) && !Node.isFunctionExpression(initializer)) continue;
      if (!Node.isIdentifier(declaration.getNameNode())) continue;
      const compiler = initializer.compilerNode;
      if (compiler.parameters.length > 1 || !returnsJsx(compiler)) continue;
      if (statement.isExported() || declaration.isExported()) {
        found.push({ node: declaration, name: declaration.getName() });
      }
    }
  }
  return found;
}

/** Names declared at the top level of a file (imports included). */
function topLevelNames(file: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  const addBinding = (name: ts.BindingName): void => {
    if (ts.isIdentifier(name)) names.add(name.text);
    else for (const element of name.elements) if (ts.isBindingElement(element)) addBinding(element.name);
  };
  for (const statement of file.statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      if (clause?.name) names.add(clause.name.text);
      const bindings = clause?.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) names.add(bindings.name.text);
      if (bindings && ts.isNamedImports(bindings)) for (const e of bindings.elements) names.add(e.name.text);
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) addBinding(declaration.name);
    } else if (
      (ts.isFunctionDeclaration(statement) ||
        ts.isClassDeclaration(statement) ||
        ts.isInterfaceDeclaration(statement) ||
        ts.isTypeAliasDeclaration(statement) ||
        ts.isEnumDeclaration(statement) ||
        ts.isModuleDeclaration(statement)) &&
      statement.name !== undefined &&
      ts.isIdentifier(statement.name)
    ) {
      names.add(statement.name.text);
    }
  }
  return names;
}

/** Other files importing `name` by that very name (`import { name }`, no alias) from `target`. */
function namedImporters(workspace: Workspace, target: CodeFile, name: string): CodeFile[] {
  const exists = (path: string): boolean => workspace.allPaths.has(path);
  return workspace.code.filter(
    (file) =>
      file !== target &&
      file.morph.getImportDeclarations().some((declaration) => {
        const specifier = declaration.getModuleSpecifierValue();
        if (!isRelativeSpecifier(specifier)) return false;
        if (resolveRelative(file.path, specifier, exists) !== target.path) return false;
        return declaration
          .getNamedImports()
          .some((element) => element.getName() === name && element.getAliasNode() === undefined);
      }),
  );
}

/**
 * Renames exported function components whose name is not PascalCase (JSX would take `<button>` for an
 * HTML element). The language service renames uses in the file and named imports elsewhere.
 * Files are never renamed.
 */
export function normaliseComponentNames(workspace: Workspace): Problem[] {
  const problems: Problem[] = [];
  for (const file of workspace.code) {
    if (file.broken || !isJsxPath(file.path)) continue;
    const planned = findComponents(file)
      .map((component) => component.name)
      .filter((name) => !isPascalCase(name) && !isHookName(name));
    for (const name of planned) {
      // Look the node up again: an earlier rename re-parsed the file.
      const node = findComponents(file).find((candidate) => candidate.name === name)?.node;
      if (node === undefined) continue;
      const where = { file: file.path, ...lineAndColumn(file.morph.compilerNode, node.getStart()) };
      const pascal = toPascalCase(name);
      if (pascal === undefined) continue;
      const importers = namedImporters(workspace, file, name);
      const clash = [file, ...importers].find((f) => topLevelNames(f.morph.compilerNode).has(pascal));
      if (clash !== undefined) {
        problems.push(
          problem(
            "warning",
            "component-name",
            `component ${name} is not PascalCase, but ${pascal} is already taken in ${clash.path}`,
            where,
          ),
        );
        continue;
      }
      node.rename(pascal);
      const others = importers.length === 0 ? "" : `; updated ${importers.map((f) => f.path).join(", ")}`;
      problems.push(problem("info", "renamed-component", `renamed component ${name} to ${pascal}${others}`, where));
    }
  }
  return problems;
}
