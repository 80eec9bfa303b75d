/**
 * JSX as a value in a Code Connect value map (`figma.enum("Icon", { Left: <ArrowLeft /> })`): kept as written, with
 * the imports of the components it uses, read from the file's own imports. JSX that uses anything else (a local
 * variable, a namespace import, a renamed import) cannot be kept as code: a note with file:line, and the value is left
 * out.
 */
import { Node } from "ts-morph";
import { note, unwrap, type ReadContext } from "./code-connect-syntax.js";
import type { CodeImport, JsxCode } from "./model.js";

export function isJsx(node: Node | undefined): boolean {
  const inner = unwrap(node);
  return Node.isJsxElement(inner) || Node.isJsxSelfClosingElement(inner) || Node.isJsxFragment(inner);
}

/**
 * Identifiers that name nothing the file imports: attribute and member names, intrinsic tags (`<svg>`), object keys.
 */
function namesNothing(id: Node): boolean {
  const parent = id.getParent();
  if (Node.isJsxAttribute(parent) || Node.isPropertyAssignment(parent) || Node.isShorthandPropertyAssignment(parent))
    return parent.getNameNode() === id && !Node.isShorthandPropertyAssignment(parent);
  if (Node.isPropertyAccessExpression(parent)) return parent.getNameNode() === id;
  const tag =
    Node.isJsxOpeningElement(parent) || Node.isJsxSelfClosingElement(parent) || Node.isJsxClosingElement(parent);
  return (tag && /^[a-z]/.test(id.getText())) || id.getText() === "undefined";
}

/** What `local` imports, or why it cannot be kept; undefined when the file does not import it. */
function importFor(local: string, ctx: ReadContext): CodeImport | string | undefined {
  const found = ctx.imports.get(local);
  if (!found) return undefined;
  if ("namespace" in found) return `it uses the namespace import ${local} (import the components by name)`;
  if (!found.default && found.name !== local)
    return `it uses ${found.name} under the name ${local} (import it under its own name)`;
  return found;
}

/** The JSX as code with its imports; undefined (with a note) when it cannot be kept. */
export function readJsxCode(node: Node, what: string, ctx: ReadContext): JsxCode | undefined {
  const jsx = unwrap(node)!;
  const imports = new Map<string, CodeImport>();
  for (const id of [jsx, ...jsx.getDescendants()].filter(Node.isIdentifier)) {
    if (namesNothing(id)) continue;
    const found = importFor(id.getText(), ctx);
    if (typeof found !== "object") {
      const why = found ?? `it uses ${id.getText()}, which the file does not import`;
      note(
        ctx,
        id,
        `${what}: the JSX ${jsx.getText().slice(0, 60)} cannot be kept as code: ${why}; that value is left out`,
      );
      return undefined;
    }
    imports.set(`${found.module}\0${found.name}`, found);
  }
  return { code: jsx.getText(), imports: [...imports.values()] };
}
