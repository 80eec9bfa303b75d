/**
 * The model's React Native files checked as the ecosystem checks them (issue 54): React Native's components only (a
 * lowercase JSX tag is a DOM element, which React Native does not have: `react-native-dom`), and, given the packages'
 * declarations (react-native's, react-native-svg's and React's types: the code-check part carries them,
 * esbuild.react-native-types.mjs), `tsc --strict` as the CLI's test runs it (`react-native-types`). In memory, with
 * ts-morph's own lib files: runs in the engine worker as in Node.
 */
import { Node, Project, ts, type SourceFile as MorphFile } from "ts-morph";
import type { Problem, SourceFile } from "../types";
import { problem } from "./problems";
import { isCodePath, isJsxPath, lineAndColumn, toVirtualPath } from "./workspace";

/** At most this many type errors are reported (the repair request lists 40 problems in all). */
const MAX_TYPE_ERRORS = 30;

/** Lowercase JSX tags in a file: DOM elements, which React Native renders nothing for. */
function domElements(path: string, morph: MorphFile): Problem[] {
  const found: Problem[] = [];
  morph.forEachDescendant((node) => {
    if (!Node.isJsxOpeningElement(node) && !Node.isJsxSelfClosingElement(node)) return;
    const tag = node.getTagNameNode().getText();
    if (!/^[a-z][\w-]*$/.test(tag)) return;
    const at = lineAndColumn(morph.compilerNode, node.getStart());
    found.push(
      problem(
        "error",
        "react-native-dom",
        `<${tag}> is a DOM element, which React Native does not have: use React Native's components (View, Text, ` +
          `Image, Pressable, TextInput, ScrollView from "react-native"; Svg from "react-native-svg")`,
        { file: path, ...at },
      ),
    );
  });
  return found;
}

function createProject(declarations: readonly SourceFile[]): Project {
  const project = new Project({
    useInMemoryFileSystem: true,
    compilerOptions: {
      strict: true,
      noEmit: true,
      jsx: ts.JsxEmit.ReactJSX,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      target: ts.ScriptTarget.ES2022,
      lib: ["lib.es2022.d.ts"],
      types: [],
      skipLibCheck: true,
    },
  });
  const fs = project.getFileSystem();
  for (const file of declarations) {
    const path = `/node_modules/${file.path}`;
    if (file.path.endsWith(".json")) fs.writeFileSync(path, file.content);
    else project.createSourceFile(path, file.content, { overwrite: true });
  }
  return project;
}

/** Problems of React Native files: DOM elements always; type errors when `declarations` are given. */
export function checkReactNative(files: readonly SourceFile[], declarations: readonly SourceFile[] = []): Problem[] {
  const project = createProject(declarations);
  const problems: Problem[] = [];
  const checked: { path: string; morph: MorphFile }[] = [];
  for (const file of files) {
    if (!isCodePath(file.path) || file.bytes) continue;
    const morph = project.createSourceFile(toVirtualPath(file.path), file.content, { overwrite: true });
    checked.push({ path: file.path, morph });
    if (isJsxPath(file.path)) problems.push(...domElements(file.path, morph));
  }
  if (declarations.length === 0) return problems;
  const program = project.getProgram().compilerObject;
  let typeErrors = 0;
  for (const { path, morph } of checked) {
    const diagnostics = [
      ...program.getSyntacticDiagnostics(morph.compilerNode),
      ...program.getSemanticDiagnostics(morph.compilerNode),
    ];
    for (const diagnostic of diagnostics) {
      if (diagnostic.category !== ts.DiagnosticCategory.Error || typeErrors >= MAX_TYPE_ERRORS) continue;
      typeErrors++;
      const at = diagnostic.start === undefined ? {} : lineAndColumn(morph.compilerNode, diagnostic.start);
      const message = `TS${diagnostic.code}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, " ")}`;
      problems.push(problem("error", "react-native-types", message, { file: path, ...at }));
    }
  }
  return problems;
}
