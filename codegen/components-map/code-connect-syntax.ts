/** Reading literal syntax in Code Connect files (ts-morph nodes), and notes with file:line. */
import { Node, ts } from "ts-morph";
import type { CodeImport, MappingNote, PropLiteral } from "./model.js";

/** What a file's local names import: a module's export (`import { Button as B }`, default imports) or a namespace. */
export type FileImports = Map<string, CodeImport | { namespace: string }>;

/** Shared while reading one file: where notes go, how a node becomes file:line, and the file's imports. */
export interface ReadContext {
  file: string;
  notes: MappingNote[];
  imports: FileImports;
}

export function note(
  ctx: ReadContext,
  node: Node,
  message: string,
  severity: MappingNote["severity"] = "warning",
): void {
  const line = node.getStartLineNumber();
  ctx.notes.push({ severity, file: ctx.file, line, message: `${ctx.file}:${line}: ${message}` });
}

/** The string a literal node holds (plain or template without substitutions), else undefined. */
export function literalString(node: Node | undefined): string | undefined {
  if (Node.isStringLiteral(node) || Node.isNoSubstitutionTemplateLiteral(node)) return node.getLiteralValue();
  return undefined;
}

/** A JSON-like literal: string, number, true, false, null (a leading minus allowed). */
export function literalValue(node: Node | undefined): { value: PropLiteral } | undefined {
  const text = literalString(node);
  if (text !== undefined) return { value: text };
  if (Node.isNumericLiteral(node)) return { value: node.getLiteralValue() };
  if (
    Node.isPrefixUnaryExpression(node) &&
    node.getOperatorToken() === ts.SyntaxKind.MinusToken &&
    Node.isNumericLiteral(node.getOperand())
  )
    return { value: -Number(node.getOperand().getText()) };
  if (Node.isTrueLiteral(node)) return { value: true };
  if (Node.isFalseLiteral(node)) return { value: false };
  if (Node.isNullLiteral(node)) return { value: null };
  return undefined;
}

/** A property name as written: `Type`, `"Has icon"`. */
export function propertyKey(name: Node): string {
  return literalString(name) ?? name.getText();
}

export function unwrap(node: Node | undefined): Node | undefined {
  return Node.isParenthesizedExpression(node) ? unwrap(node.getExpression()) : node;
}

/** `undefined` as a value: Code Connect's "no prop". */
export function isUndefined(node: Node | undefined): boolean {
  return Node.isIdentifier(node) && node.getText() === "undefined";
}
