/**
 * A Code Connect `example` → which prop of the component gets what: `<Button variant={variant}
 * size="lg">{label}</Button>` reads as variant ← the declared prop `variant`, size ← "lg", children ← `label`;
 * `icon.size` (or `{...icon}`) reads a field of a figma.nestedProps prop. Read, never run.
 */
import { Node, type JsxAttributeLike, type JsxChild } from "ts-morph";
import { isNestedProps, type Declared } from "./code-connect-props.js";
import { literalValue, note, propertyKey, unwrap, type ReadContext } from "./code-connect-syntax.js";
import type { PropLiteral } from "./model.js";

/**
 * What one attribute (or `children`) of the example's component takes: a declared prop (a nested one's `field`) or a
 * literal.
 */
export type ExampleUse = { prop: string; field?: string } | { value: PropLiteral };

export interface ExampleRead {
  attributes: [name: string, use: ExampleUse][];
}

/** The example's parameter: destructured names (local → prop) or the one `props` object. */
interface Params {
  locals: Map<string, string>;
  object?: string;
}

function readParams(fn: Node): Params {
  const params: Params = { locals: new Map() };
  const first =
    Node.isArrowFunction(fn) || Node.isFunctionExpression(fn) || Node.isMethodDeclaration(fn)
      ? fn.getParameters()[0]
      : undefined;
  const name = first?.getNameNode();
  if (Node.isIdentifier(name)) params.object = name.getText();
  else if (Node.isObjectBindingPattern(name)) {
    for (const element of name.getElements()) {
      const prop = element.getPropertyNameNode();
      params.locals.set(element.getNameNode().getText(), prop ? propertyKey(prop) : element.getNameNode().getText());
    }
  }
  return params;
}

/** The JSX an example returns: `() => <X/>`, `() => (<X/>)`, `function () { return <X/>; }`. */
function returnedJsx(fn: Node): Node | undefined {
  const body =
    Node.isArrowFunction(fn) || Node.isFunctionExpression(fn) || Node.isMethodDeclaration(fn)
      ? fn.getBody()
      : undefined;
  if (!body) return undefined;
  if (Node.isBlock(body)) return body.getStatements().find(Node.isReturnStatement)?.getExpression();
  return body;
}

/** The declared prop an expression names: a destructured local (`label`) or the parameter's member (`props.label`). */
function propNamed(node: Node | undefined, params: Params): string | undefined {
  if (Node.isIdentifier(node)) return params.locals.get(node.getText());
  if (
    Node.isPropertyAccessExpression(node) &&
    params.object !== undefined &&
    node.getExpression().getText() === params.object
  )
    return node.getName();
  return undefined;
}

/**
 * An expression in the example: a declared prop (`label`, `props.label`, a nested one's `icon.size`) or a literal; else
 * undefined.
 */
function readUse(
  expression: Node | undefined,
  params: Params,
  declared: Map<string, Declared>,
  ctx: ReadContext,
): ExampleUse | undefined {
  const node = unwrap(expression);
  const literal = literalValue(node);
  if (literal) return { value: literal.value };
  let prop = propNamed(node, params);
  let field: string | undefined;
  if (prop === undefined && Node.isPropertyAccessExpression(node)) {
    const owner = propNamed(unwrap(node.getExpression()), params);
    if (owner !== undefined && isNestedProps(declared.get(owner))) [prop, field] = [owner, node.getName()];
  }
  const found = prop !== undefined ? declared.get(prop) : undefined;
  if (found && !isNestedProps(found) && field === undefined) return { prop: prop! };
  if (isNestedProps(found) && field !== undefined && found.props.has(field)) return { prop: prop!, field };
  if (!node) return undefined;
  if (isNestedProps(found))
    note(
      ctx,
      node,
      field === undefined
        ? `${prop} is figma.nestedProps, an object: use its fields ` +
            `(${prop}.${[...found.props.keys()][0] ?? "name"}); left out`
        : `figma.nestedProps "${found.nested}" declares no ${field}; left out`,
    );
  else
    note(
      ctx,
      node,
      prop !== undefined
        ? `the example uses ${prop}, which props does not declare; left out`
        : `${node.getText().slice(0, 60)} cannot be read statically (use a prop or a literal); left out`,
    );
  return undefined;
}

function readAttributes(
  attributes: JsxAttributeLike[],
  params: Params,
  declared: Map<string, Declared>,
  ctx: ReadContext,
): ExampleRead["attributes"] {
  const out: ExampleRead["attributes"] = [];
  for (const attribute of attributes) {
    if (Node.isJsxSpreadAttribute(attribute)) {
      const spread = propNamed(unwrap(attribute.getExpression()), params);
      const nested = spread !== undefined ? declared.get(spread) : undefined;
      // {...icon}: a nested layer's fields under their own names; {...props}: every declared prop (a nested one by its
      // fields, not whole).
      if (isNestedProps(nested)) for (const field of nested.props.keys()) out.push([field, { prop: spread!, field }]);
      else for (const [prop, found] of declared) if (!isNestedProps(found)) out.push([prop, { prop }]);
      continue;
    }
    const name = attribute.getNameNode().getText();
    const init = attribute.getInitializer();
    const use =
      init === undefined
        ? { value: true }
        : Node.isJsxExpression(init)
          ? readUse(init.getExpression(), params, declared, ctx)
          : readUse(init, params, declared, ctx);
    if (use) out.push([name, use]);
  }
  return out;
}

function readChildren(
  children: JsxChild[],
  params: Params,
  declared: Map<string, Declared>,
  ctx: ReadContext,
): ExampleUse | undefined {
  const meaningful = children.filter((c) => !(Node.isJsxText(c) && c.containsOnlyTriviaWhiteSpaces()));
  if (meaningful.length === 0) return undefined;
  const [only] = meaningful;
  if (meaningful.length === 1 && Node.isJsxText(only)) return { value: only.getText().replace(/\s+/g, " ").trim() };
  if (meaningful.length === 1 && Node.isJsxExpression(only))
    return readUse(only.getExpression(), params, declared, ctx);
  note(ctx, only!, "the example's children are more than one prop or one text; they are left out");
  return undefined;
}

/** Reads the example; the element drawn is the first whose tag is the connected component (`tag`). */
export function readExample(
  example: Node,
  tag: string,
  declared: Map<string, Declared>,
  ctx: ReadContext,
): ExampleRead {
  const root = unwrap(returnedJsx(example));
  if (!root) {
    note(ctx, example, "the example must be a function returning JSX; read without props");
    return { attributes: [] };
  }
  const params = readParams(example);
  const elements = [root, ...root.getDescendants()].filter(
    (n) => Node.isJsxElement(n) || Node.isJsxSelfClosingElement(n),
  );
  const element = elements.find(
    (n) => (Node.isJsxElement(n) ? n.getOpeningElement() : n).getTagNameNode().getText() === tag,
  );
  if (!element) {
    note(ctx, root, `the example draws no <${tag}>; read without props`);
    return { attributes: [] };
  }
  if (element !== root) note(ctx, element, `the example wraps <${tag}> in other markup; only <${tag}> is used`, "info");
  const opening = Node.isJsxElement(element) ? element.getOpeningElement() : element;
  if (!Node.isJsxOpeningElement(opening) && !Node.isJsxSelfClosingElement(opening)) return { attributes: [] };
  const attributes = readAttributes(opening.getAttributes(), params, declared, ctx);
  const children = Node.isJsxElement(element)
    ? readChildren(element.getJsxChildren(), params, declared, ctx)
    : undefined;
  if (children) attributes.push(["children", children]);
  return { attributes };
}
