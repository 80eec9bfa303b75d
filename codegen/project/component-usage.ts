/**
 * Checks a file set's use of the team's components against the mapping itself, for when there are no library
 * types (the plugin has none; the CLI without --types): a mapped component imported from another module, or as
 * another export than the mapping's import (named or through a namespace import), a file that defines its own
 * component under a mapped component's name, and a literal value (or a conditional of literals) of a mapped
 * variant (or boolean) prop that is none of the mapping's value-map values. Problems (`component-usage`, errors)
 * carry file:line.
 *
 * Only what the mapping says is checked: a prop it does not mention is the library's business (a team's
 * component has more props than its Figma counterpart), and so is a value that is not a literal. With library
 * types for a module (`typedModules`), those types say what a prop takes: only where its components come from is
 * checked here.
 */
import { Node, Project, ts, type ImportDeclaration, type JsxAttribute, type SourceFile as MorphFile } from "ts-morph";
import { literalValue } from "../components-map/code-connect-syntax";
import type { CodeImport, ComponentMap, PropLiteral, PropSource } from "../components-map/model";
import { jsxCodes, mapLiterals } from "../components-map/value-maps";
import type { Problem, SourceFile } from "../types";
import { problem } from "./problems";
import { isCodePath, lineAndColumn, toVirtualPath } from "./workspace";

export const COMPONENT_USAGE = "component-usage";

export interface ComponentUsageOptions {
  /** Modules whose library types are checked too (--types): their props are not judged by the value maps. */
  typedModules?: readonly string[];
}

/** The literals one prop may take, and the Figma property whose value map gives them (for the message). */
interface AllowedValues {
  literals: PropLiteral[];
  /** Undefined while only constants were seen: a prop without a value map is not judged. */
  property?: string;
}

const keyOf = (i: CodeImport): string => `${i.module}\0${i.default ? "default" : i.name}`;
const importText = (i: CodeImport): string =>
  i.default ? `import ${i.name} from "${i.module}"` : `import { ${i.name} } from "${i.module}"`;

/** The Figma property a source reads, said for a message: `"Type"`, `"Glyph" of the nested layer "Icon"`. */
function propertyOf(source: PropSource): string {
  if (source.kind === "nested") return `${propertyOf(source.source)} of the nested layer "${source.layer}"`;
  return "property" in source ? `"${source.property}"` : source.kind;
}

/**
 * What the mapping knows: every import it writes (components and the JSX in value maps), and each component's value
 * maps.
 */
function mappingFacts(map: ComponentMap): { imports: CodeImport[]; allowed: Map<string, Map<string, AllowedValues>> } {
  const imports = new Map<string, CodeImport>();
  const allowed = new Map<string, Map<string, AllowedValues>>();
  for (const mapping of map.components) {
    imports.set(keyOf(mapping.import), mapping.import);
    const props = allowed.get(keyOf(mapping.import)) ?? new Map<string, AllowedValues>();
    for (const [prop, source] of Object.entries(mapping.props)) {
      for (const code of jsxCodes(source))
        for (const imported of code.imports) if (!imports.has(keyOf(imported))) imports.set(keyOf(imported), imported);
      const literals = source.kind === "value" ? [source.value] : mapLiterals(source);
      if (!literals) continue;
      // Several mappings of one component (by variant) together allow what each writes, its constants too.
      const known = props.get(prop);
      const property = known?.property ?? (source.kind === "value" ? undefined : propertyOf(source));
      props.set(prop, {
        literals: [...(known?.literals ?? []), ...literals],
        ...(property !== undefined ? { property } : {}),
      });
    }
    allowed.set(keyOf(mapping.import), props);
  }
  return { imports: [...imports.values()], allowed };
}

interface Binding {
  /** The export imported ("default" for a default import). */
  exported: string;
  local: string;
  node: Node;
}

function bindings(decl: ImportDeclaration): Binding[] {
  const out: Binding[] = [];
  const def = decl.getDefaultImport();
  if (def) out.push({ exported: "default", local: def.getText(), node: def });
  for (const named of decl.getNamedImports())
    out.push({ exported: named.getName(), local: named.getAliasNode()?.getText() ?? named.getName(), node: named });
  return out;
}

/** What is wrong with one imported name against the mapping's imports, or undefined; `ok` is the import it matches. */
function judgeBinding(module: string, b: Binding, imports: readonly CodeImport[]): { ok?: CodeImport; wrong?: string } {
  const here = imports.filter((i) => i.module === module);
  const isDefault = b.exported === "default";
  const ok = here.find((i) => (isDefault ? i.default === true : !i.default && i.name === b.exported));
  if (ok) return { ok };
  const names = isDefault ? [b.local] : [b.exported, b.local];
  const asDefault = here.find((i) => i.default === true && names.includes(i.name));
  if (asDefault)
    return {
      wrong:
        `imports ${b.exported} from "${module}" by name, but the mapping imports ` +
        `${asDefault.name} as the module's default export: ${importText(asDefault)}`,
    };
  const named = here.find((i) => !i.default && i.name === b.local);
  if (named)
    return {
      wrong:
        `imports ${isDefault ? "the default export" : b.exported} of "${module}" as ${b.local}, ` +
        `but the mapping's ${b.local} is the export ${b.local}: ${importText(named)}`,
    };
  const elsewhere = imports.find((i) => names.includes(i.name));
  if (elsewhere)
    return {
      wrong:
        `imports ${b.local} from "${module}", but the team's ${elsewhere.name} ` +
        `comes from "${elsewhere.module}" (the mapping): ${importText(elsewhere)}`,
    };
  return {};
}

/**
 * The literals an expression can be, when each is written out: `"ghost"`, `3`, `"ghost" as const`, `` `ghost` ``,
 * `(x)`, `cond ? "a" : "b"`; undefined for anything else (a variable, a call: the library's business).
 */
function expressionLiterals(node: Node | undefined): PropLiteral[] | undefined {
  if (Node.isParenthesizedExpression(node) || Node.isAsExpression(node) || Node.isSatisfiesExpression(node))
    return expressionLiterals(node.getExpression());
  if (Node.isNoSubstitutionTemplateLiteral(node)) return [node.getLiteralValue()];
  if (Node.isConditionalExpression(node)) {
    const whenTrue = expressionLiterals(node.getWhenTrue());
    const whenFalse = expressionLiterals(node.getWhenFalse());
    return whenTrue && whenFalse ? [...whenTrue, ...whenFalse] : undefined;
  }
  const literal = literalValue(node);
  return literal ? [literal.value] : undefined;
}

/** The literals an attribute writes: `variant="ghost"`, `count={3}`, `open` (true), a conditional of literals. */
function attributeLiterals(attribute: JsxAttribute): PropLiteral[] | undefined {
  const init = attribute.getInitializer();
  if (init === undefined) return [true];
  if (Node.isStringLiteral(init)) return [init.getLiteralValue()];
  return Node.isJsxExpression(init) ? expressionLiterals(init.getExpression()) : undefined;
}

const shown = (value: PropLiteral): string => JSON.stringify(value);

function checkValues(
  morph: MorphFile,
  path: string,
  locals: Map<string, CodeImport>,
  allowed: Map<string, Map<string, AllowedValues>>,
): Problem[] {
  const problems: Problem[] = [];
  for (const element of morph.getDescendants()) {
    if (!Node.isJsxOpeningElement(element) && !Node.isJsxSelfClosingElement(element)) continue;
    const tag = element.getTagNameNode().getText();
    const imported = locals.get(tag);
    const props = imported ? allowed.get(keyOf(imported)) : undefined;
    if (!props) continue;
    for (const attribute of element.getAttributes()) {
      if (!Node.isJsxAttribute(attribute)) continue;
      const name = attribute.getNameNode().getText();
      const rule = props.get(name);
      const written = rule?.property ? attributeLiterals(attribute) : undefined;
      const outside = written?.find((value) => !rule!.literals.some((v) => v === value));
      if (!rule?.property || outside === undefined) continue;
      const message =
        `<${tag}> prop ${name}: ${shown(outside)} is not one of the mapping's values for the ` +
        `Figma property ${rule.property} (${[...new Set(rule.literals)].map(shown).join(", ")})`;
      problems.push(
        problem("error", COMPONENT_USAGE, message, {
          file: path,
          ...lineAndColumn(morph.compilerNode, attribute.getStart()),
        }),
      );
    }
  }
  return problems;
}

/** `import * as UI from "@acme/ui"`: `<UI.ListItem>` is the mapping's ListItem (`UI.default` a default export). */
function namespaceLocals(
  decl: ImportDeclaration,
  imports: readonly CodeImport[],
  locals: Map<string, CodeImport>,
  typed: ReadonlySet<string>,
): void {
  const namespace = decl.getNamespaceImport()?.getText();
  const module = decl.getModuleSpecifierValue();
  if (namespace === undefined || typed.has(module)) return;
  for (const i of imports) if (i.module === module) locals.set(`${namespace}.${i.default ? "default" : i.name}`, i);
}

/** A component (function, class, or const) the file declares itself, by name, at the top level. */
function declaredComponents(morph: MorphFile): { name: string; node: Node }[] {
  const out: { name: string; node: Node }[] = [];
  for (const f of morph.getFunctions()) if (f.getNameNode()) out.push({ name: f.getName()!, node: f.getNameNode()! });
  for (const c of morph.getClasses()) if (c.getNameNode()) out.push({ name: c.getName()!, node: c.getNameNode()! });
  for (const v of morph.getVariableDeclarations()) {
    const init = v.getInitializer();
    if (
      Node.isIdentifier(v.getNameNode()) &&
      (Node.isArrowFunction(init) ||
        Node.isFunctionExpression(init) ||
        Node.isCallExpression(init) ||
        Node.isTaggedTemplateExpression(init))
    )
      out.push({ name: v.getName(), node: v.getNameNode() });
  }
  return out;
}

/**
 * A file that writes its own component under a mapped component's name (the model redrawing the team's Button
 * instead of importing it): an error at the declaration, saying where the team's comes from.
 */
function ownDefinitions(
  morph: MorphFile,
  path: string,
  imports: readonly CodeImport[],
  imported: ReadonlySet<string>,
): Problem[] {
  const problems: Problem[] = [];
  for (const { name, node } of declaredComponents(morph)) {
    const team = imports.find((i) => i.name === name);
    if (!team || imported.has(name)) continue;
    const message =
      `defines its own ${name}, but the team's ${name} comes from ` +
      `"${team.module}" (the mapping): ${importText(team)} and use it instead`;
    problems.push(
      problem("error", COMPONENT_USAGE, message, { file: path, ...lineAndColumn(morph.compilerNode, node.getStart()) }),
    );
  }
  return problems;
}

/** Problems (`component-usage`, with file:line) in the files' use of the mapped components; none without a mapping. */
export function checkComponentUsage(
  files: readonly SourceFile[],
  map: ComponentMap | undefined,
  options: ComponentUsageOptions = {},
): Problem[] {
  if (!map || map.components.length === 0) return [];
  const { imports, allowed } = mappingFacts(map);
  const typed = new Set(options.typedModules ?? []);
  const project = new Project({
    useInMemoryFileSystem: true,
    skipLoadingLibFiles: true,
    compilerOptions: { jsx: ts.JsxEmit.Preserve, allowJs: true, noLib: true },
  });
  const problems: Problem[] = [];
  for (const file of files) {
    if (!isCodePath(file.path) || file.bytes) continue;
    const morph = project.createSourceFile(toVirtualPath(file.path), file.content, { overwrite: true });
    const locals = new Map<string, CodeImport>();
    const importedNames = new Set<string>();
    for (const decl of morph.getImportDeclarations()) {
      const module = decl.getModuleSpecifierValue();
      namespaceLocals(decl, imports, locals, typed);
      for (const binding of bindings(decl)) {
        importedNames.add(binding.local);
        const { ok, wrong } = judgeBinding(module, binding, imports);
        if (ok && !typed.has(ok.module)) locals.set(binding.local, ok);
        if (wrong)
          problems.push(
            problem("error", COMPONENT_USAGE, wrong, {
              file: file.path,
              ...lineAndColumn(morph.compilerNode, binding.node.getStart()),
            }),
          );
      }
    }
    problems.push(...ownDefinitions(morph, file.path, imports, importedNames));
    if (locals.size > 0) problems.push(...checkValues(morph, file.path, locals, allowed));
  }
  return problems;
}
