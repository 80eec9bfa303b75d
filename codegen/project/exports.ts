import { ts } from "ts-morph";
import type { Workspace } from "./workspace";

/** A name another file can import from `file`. */
export interface ExportEntry {
  file: string;
  name: string;
  /** `default`: imported as `import Name from …`; only for a PascalCase default named like its file. */
  kind: "named" | "default";
  /** Interfaces and type aliases: imported with `import type`. */
  typeOnly: boolean;
}

/** Names exported by the files of the set (declared there: re-exports are not candidates). */
export type ExportIndex = Map<string, ExportEntry[]>;

export function buildExportIndex(workspace: Workspace): ExportIndex {
  const index: ExportIndex = new Map();
  for (const file of workspace.code) {
    const seen = new Set<string>();
    for (const entry of collectExports(file.morph.compilerNode, file.path)) {
      if (seen.has(entry.name)) continue; // `export function Button` + `export default Button`
      seen.add(entry.name);
      const entries = index.get(entry.name) ?? [];
      entries.push(entry);
      index.set(entry.name, entries);
    }
  }
  return index;
}

/** File name without folder and extension: `src/components/Button.tsx` → `Button`. */
export function baseName(path: string): string {
  const name = path.slice(path.lastIndexOf("/") + 1);
  const dot = name.indexOf(".");
  return dot <= 0 ? name : name.slice(0, dot);
}

export function isPascalCase(name: string): boolean {
  return /^\p{Lu}/u.test(name);
}

function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((modifier) => modifier.kind === kind);
}

/** Named exports first (they win over a default export of the same name), then the default one. */
export function collectExports(file: ts.SourceFile, path: string): ExportEntry[] {
  const named: ExportEntry[] = [];
  let defaultName: string | undefined;
  const typeNames = new Set<string>();
  for (const statement of file.statements) {
    if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) {
      typeNames.add(statement.name.text);
    }
  }
  const addNamed = (name: string, typeOnly: boolean): void => {
    named.push({ file: path, name, kind: "named", typeOnly });
  };
  for (const statement of file.statements) {
    const exported = hasModifier(statement, ts.SyntaxKind.ExportKeyword);
    const isDefault = hasModifier(statement, ts.SyntaxKind.DefaultKeyword);
    if (
      ts.isFunctionDeclaration(statement) ||
      ts.isClassDeclaration(statement) ||
      ts.isEnumDeclaration(statement) ||
      ts.isInterfaceDeclaration(statement) ||
      ts.isTypeAliasDeclaration(statement)
    ) {
      const name = statement.name?.text;
      if (!exported || name === undefined) continue;
      const typeOnly = ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement);
      if (isDefault) defaultName = name;
      else addNamed(name, typeOnly);
    } else if (ts.isVariableStatement(statement)) {
      if (!exported) continue;
      for (const declaration of statement.declarationList.declarations) {
        for (const name of bindingNames(declaration.name)) addNamed(name, false);
      }
    } else if (ts.isExportDeclaration(statement)) {
      if (statement.moduleSpecifier !== undefined || statement.exportClause === undefined) continue;
      if (!ts.isNamedExports(statement.exportClause)) continue;
      for (const element of statement.exportClause.elements) {
        const local = (element.propertyName ?? element.name).getText(file);
        const name = element.name.getText(file);
        if (name === "default") defaultName = local;
        else addNamed(name, statement.isTypeOnly || element.isTypeOnly || typeNames.has(local));
      }
    } else if (ts.isExportAssignment(statement) && !statement.isExportEquals) {
      defaultName = defaultExportName(statement.expression);
    }
  }
  const entries = named;
  if (defaultName !== undefined && isPascalCase(defaultName) && defaultName === baseName(path)) {
    entries.push({
      file: path,
      name: defaultName,
      kind: "default",
      typeOnly: typeNames.has(defaultName),
    });
  }
  return entries;
}

/** `export default Button`, `export default memo(Button)`, `export default forwardRef(Button)`. */
function defaultExportName(expression: ts.Expression): string | undefined {
  if (ts.isIdentifier(expression)) return expression.text;
  if (ts.isCallExpression(expression)) {
    const [first] = expression.arguments;
    if (first !== undefined && ts.isIdentifier(first)) return first.text;
  }
  return undefined;
}

function bindingNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  const names: string[] = [];
  for (const element of name.elements) {
    if (ts.isBindingElement(element)) names.push(...bindingNames(element.name));
  }
  return names;
}
