/**
 * Code Connect files (`*.figma.tsx`, `*.figma.ts`) → the component mapping. Parsed with ts-morph and never
 * executed: what `figma.connect(Component, url, { props, variant, example })` says literally is read (the props
 * themselves in code-connect-props.ts, JSX in value maps kept as code); anything that would need running the file
 * (a URL in a variable, a computed prop) is a note with file:line, and the rest of the file still counts. Pure: file
 * name and text in, so the plugin can read pasted text the same way. Needs ts-morph (heavy): CLI and the engine worker,
 * not the main thread.
 */
import { Node, Project, ts, type CallExpression, type ObjectLiteralExpression, type SourceFile } from "ts-morph";
import { readExample, type ExampleRead } from "./code-connect-example.js";
import { isNestedProps, readProps, type Declared } from "./code-connect-props.js";
import { literalString, note, propertyKey, type FileImports, type ReadContext } from "./code-connect-syntax.js";
import {
  normaliseNodeId,
  type CodeImport,
  type ComponentMapping,
  type MappingNote,
  type MappingRead,
  type PropSource,
} from "./model.js";

export interface CodeConnectFile {
  /** A name for notes (relative path); its extension decides whether JSX is parsed (.tsx/.jsx). */
  name: string;
  text: string;
}

/** Local names → what they import (`import { Button as B } from "@acme/ui"`, default and namespace imports). */
function importsOf(file: SourceFile): FileImports {
  const out: FileImports = new Map();
  for (const decl of file.getImportDeclarations()) {
    const module = decl.getModuleSpecifierValue();
    const def = decl.getDefaultImport();
    if (def) out.set(def.getText(), { module, name: def.getText(), default: true });
    const ns = decl.getNamespaceImport();
    if (ns) out.set(ns.getText(), { namespace: module });
    for (const named of decl.getNamedImports()) {
      const local = named.getAliasNode()?.getText() ?? named.getName();
      out.set(local, { module, name: named.getName() });
    }
  }
  return out;
}

/** `figma.connect(…)` calls, whatever the `figma` import is called (`import figma from "@figma/code-connect"`). */
function connectCalls(file: SourceFile): CallExpression[] {
  const figmaNames = new Set(["figma"]);
  for (const decl of file.getImportDeclarations()) {
    if (!decl.getModuleSpecifierValue().startsWith("@figma/code-connect")) continue;
    const def = decl.getDefaultImport();
    if (def) figmaNames.add(def.getText());
  }
  return file.getDescendants().filter((node): node is CallExpression => {
    if (!Node.isCallExpression(node)) return false;
    const callee = node.getExpression();
    return (
      Node.isPropertyAccessExpression(callee) &&
      callee.getName() === "connect" &&
      figmaNames.has(callee.getExpression().getText())
    );
  });
}

/** The Figma node a URL names: `?node-id=1-23` → "1:23". */
export function nodeIdFromUrl(url: string): string | undefined {
  const match = /[?&]node-id=([0-9]+(?:-|:|%3A)[0-9]+)/i.exec(url);
  return match ? normaliseNodeId(decodeURIComponent(match[1]!)) : undefined;
}

function readComponent(arg: Node, imports: FileImports, ctx: ReadContext): CodeImport | undefined {
  if (Node.isIdentifier(arg)) {
    const found = imports.get(arg.getText());
    if (found && "module" in found) return found;
    note(
      ctx,
      arg,
      `${arg.getText()} is not imported from a module: its import says where the generated code imports it from`,
    );
    return undefined;
  }
  if (Node.isPropertyAccessExpression(arg) && Node.isIdentifier(arg.getExpression())) {
    const found = imports.get(arg.getExpression().getText());
    if (found && "namespace" in found) return { module: found.namespace, name: arg.getName() };
  }
  note(ctx, arg, `the component ${arg.getText()} cannot be read statically (write the imported component itself)`);
  return undefined;
}

/** `variant: { Type: "Primary" }`: only instances with these variant values. */
function readVariant(value: Node, ctx: ReadContext): Record<string, string> | undefined {
  if (!Node.isObjectLiteralExpression(value)) {
    note(ctx, value, "variant must be an object literal of strings; the mapping applies to every variant");
    return undefined;
  }
  const out: Record<string, string> = {};
  for (const prop of value.getProperties()) {
    const text = Node.isPropertyAssignment(prop) ? literalString(prop.getInitializer()) : undefined;
    if (Node.isPropertyAssignment(prop) && text !== undefined) out[propertyKey(prop.getNameNode())] = text;
    else note(ctx, prop, `variant entry ${prop.getText()} cannot be read statically; left out`);
  }
  return out;
}

function configEntry(config: ObjectLiteralExpression, name: string): Node | undefined {
  const prop = config.getProperty(name);
  return Node.isPropertyAssignment(prop) ? prop.getInitializer() : undefined;
}

/**
 * The mapping's props: the example's attributes and children, each from a declared prop (or a nested layer's field) or
 * a literal.
 */
function propsFromExample(example: ExampleRead, declared: Map<string, Declared>): Record<string, PropSource> {
  const props: Record<string, PropSource> = {};
  for (const [attr, use] of example.attributes) {
    if ("value" in use) {
      props[attr] = { kind: "value", value: use.value };
      continue;
    }
    const found = declared.get(use.prop);
    const field = isNestedProps(found) && use.field !== undefined ? found.props.get(use.field) : undefined;
    if (isNestedProps(found) && field) props[attr] = { kind: "nested", layer: found.nested, source: field };
    else if (found && !isNestedProps(found)) props[attr] = found;
  }
  return props;
}

/** Without an example Code Connect passes each prop by its own name; a nested layer's props object cannot be one. */
function defaultExample(declared: Map<string, Declared>, ctx: ReadContext): ExampleRead {
  const attributes: ExampleRead["attributes"] = [];
  for (const [prop, found] of declared) {
    if (isNestedProps(found))
      note(
        ctx,
        found.node,
        `${prop} is figma.nestedProps, an object: without an example that uses its fields it is left out`,
      );
    else attributes.push([prop, { prop }]);
  }
  return { attributes };
}

function readConnect(call: CallExpression, ctx: ReadContext): ComponentMapping | undefined {
  const [componentArg, urlArg, configArg] = call.getArguments();
  if (!componentArg || literalString(componentArg) !== undefined) {
    note(
      ctx,
      call,
      "figma.connect without a component (an HTML or Web Components connection) is not a React mapping; left out",
    );
    return undefined;
  }
  const component = readComponent(componentArg, ctx.imports, ctx);
  const url = literalString(urlArg);
  if (url === undefined) {
    note(
      ctx,
      urlArg ?? call,
      "the Figma URL must be a string literal (it cannot be read statically); this connection is left out",
    );
    return undefined;
  }
  const nodeId = nodeIdFromUrl(url);
  if (nodeId === undefined) {
    note(ctx, urlArg!, `the URL ${url} has no node-id=…; this connection is left out`);
    return undefined;
  }
  const config = Node.isObjectLiteralExpression(configArg) ? configArg : undefined;
  if (configArg && !config)
    note(ctx, configArg, "the connection's options must be an object literal; read without props");
  for (const prop of config?.getProperties() ?? []) {
    const name =
      Node.isPropertyAssignment(prop) || Node.isMethodDeclaration(prop) || Node.isShorthandPropertyAssignment(prop)
        ? prop.getName()
        : "";
    if (!["props", "variant", "example", "imports", "links"].includes(name))
      note(ctx, prop, `option ${name || prop.getText().slice(0, 30)} is not read`, "info");
  }
  const declared =
    config && configEntry(config, "props")
      ? readProps(configEntry(config, "props")!, ctx)
      : new Map<string, Declared>();
  const variantNode = config ? configEntry(config, "variant") : undefined;
  const variant = variantNode ? readVariant(variantNode, ctx) : undefined;
  const exampleNode = config ? (configEntry(config, "example") ?? config.getProperty("example")) : undefined;
  if (!component) return undefined;
  // Without an example, Code Connect passes every prop by its own name.
  const example: ExampleRead = exampleNode
    ? readExample(exampleNode, componentArg.getText(), declared, ctx)
    : defaultExample(declared, ctx);
  const line = call.getStartLineNumber();
  return {
    figma: { nodeId, ...(variant && Object.keys(variant).length > 0 ? { variant } : {}) },
    import: component,
    props: propsFromExample(example, declared),
    source: `${ctx.file}:${line}`,
  };
}

function syntaxNotes(file: SourceFile, project: Project, ctx: ReadContext): boolean {
  const diagnostics = project.getProgram().compilerObject.getSyntacticDiagnostics(file.compilerNode);
  for (const diagnostic of diagnostics.slice(0, 5)) {
    const line =
      diagnostic.start !== undefined
        ? file.compilerNode.getLineAndCharacterOfPosition(diagnostic.start).line + 1
        : undefined;
    // TypeScript ends some messages with a period ("Unterminated string literal."): dropped before "; the file…".
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n").replace(/\.$/, "");
    ctx.notes.push({
      severity: "error",
      file: ctx.file,
      ...(line !== undefined ? { line } : {}),
      message: `${ctx.file}${line !== undefined ? `:${line}` : ""}: syntax error: ${message}; the file is left out`,
    });
  }
  return diagnostics.length > 0;
}

/** Reads Code Connect files into one mapping (in file order), with notes for what could not be read. */
export function parseCodeConnect(files: readonly CodeConnectFile[]): MappingRead {
  const project = new Project({
    useInMemoryFileSystem: true,
    skipLoadingLibFiles: true,
    compilerOptions: { jsx: ts.JsxEmit.Preserve, noLib: true, allowJs: true },
  });
  const notes: MappingNote[] = [];
  const components: ComponentMapping[] = [];
  files.forEach((input, index) => {
    const extension = /\.(tsx|jsx)$/i.test(input.name) ? ".tsx" : ".ts";
    const file = project.createSourceFile(`/code-connect/${index}${extension}`, input.text, { overwrite: true });
    const ctx: ReadContext = { file: input.name, notes, imports: importsOf(file) };
    if (syntaxNotes(file, project, ctx)) return;
    const calls = connectCalls(file);
    if (calls.length === 0)
      notes.push({ severity: "info", file: input.name, message: `${input.name}: no figma.connect(…) call` });
    for (const call of calls) {
      const mapping = readConnect(call, ctx);
      if (mapping) components.push(mapping);
    }
  });
  return { map: { components }, notes };
}

/** One Code Connect file's text (e.g. pasted into the plugin) → mapping + notes. */
export function parseCodeConnectText(name: string, text: string): MappingRead {
  return parseCodeConnect([{ name, text }]);
}
