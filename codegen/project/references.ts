import { ts } from "ts-morph";

/** A name a file uses without declaring or importing it. */
export interface FreeName {
  name: string;
  /** Position of the first use. */
  position: number;
  /** Used as a JSX tag (`<Button`). */
  jsx: boolean;
}

export interface FileReferences {
  /** Free names in order of first use. */
  free: FreeName[];
  /** Symbols the file refers to (for imports: the import binding's alias symbol). */
  used: Set<ts.Symbol>;
  /** Local names listed in `export { a, b as c }` (these count as uses of imports). */
  exported: Set<string>;
}

/** Whether `identifier` is a use of a name (not a declaration, a property name, a label, …). */
function isReference(identifier: ts.Identifier): boolean {
  const parent = identifier.parent;
  if (ts.isShorthandPropertyAssignment(parent)) return parent.name === identifier;
  if (ts.isJsxOpeningElement(parent) || ts.isJsxSelfClosingElement(parent)) {
    return parent.tagName === identifier && !/^[a-z]/.test(identifier.text);
  }
  if (ts.isJsxClosingElement(parent)) return false; // the opening tag already counted
  if (ts.isQualifiedName(parent)) return parent.left === identifier;
  if (ts.isTypePredicateNode(parent)) return parent.parameterName !== identifier;
  const named = parent as { name?: ts.Node; propertyName?: ts.Node; label?: ts.Node };
  return named.name !== identifier && named.propertyName !== identifier && named.label !== identifier;
}

/**
 * Unresolved type names come back as a symbol, not undefined: the checker's "unknown" symbol, or a
 * declaration-less transient type alias it makes up for error recovery.
 */
function isUnresolved(symbol: ts.Symbol, checker: ts.TypeChecker): boolean {
  if (checker.isUnknownSymbol(symbol)) return true;
  const madeUp = ts.SymbolFlags.Transient | ts.SymbolFlags.TypeAlias;
  return (symbol.flags & madeUp) === madeUp && (symbol.declarations ?? []).length === 0;
}

/**
 * Walks a file once with the type checker's name resolution (no type check): which symbols it uses
 * and which names resolve to nothing. Import declarations are skipped (they declare, not use).
 */
export function collectReferences(file: ts.SourceFile, checker: ts.TypeChecker): FileReferences {
  const free = new Map<string, FreeName>();
  const used = new Set<ts.Symbol>();
  const exported = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isImportEqualsDeclaration(node)) return;
    if (ts.isExportDeclaration(node)) {
      if (node.moduleSpecifier === undefined && node.exportClause && ts.isNamedExports(node.exportClause)) {
        for (const element of node.exportClause.elements) {
          exported.add((element.propertyName ?? element.name).getText(file));
        }
      }
      return;
    }
    if (ts.isIdentifier(node) && isReference(node)) {
      const symbol = ts.isShorthandPropertyAssignment(node.parent)
        ? checker.getShorthandAssignmentValueSymbol(node.parent)
        : checker.getSymbolAtLocation(node);
      if (symbol !== undefined && !isUnresolved(symbol, checker)) {
        used.add(symbol);
      } else if (node.text !== "undefined") {
        const parent = node.parent;
        const jsx = (ts.isJsxOpeningElement(parent) || ts.isJsxSelfClosingElement(parent)) && parent.tagName === node;
        const known = free.get(node.text);
        // Keep the first use, but prefer a JSX use: it is what an unresolved tag is reported at.
        if (known === undefined || (jsx && !known.jsx)) {
          free.set(node.text, { name: node.text, position: node.getStart(file), jsx });
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return { free: [...free.values()], used, exported };
}
