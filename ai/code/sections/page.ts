/**
 * The page of a split frame (issue 74): each section's component, one below the other, in drawn order, in the
 * target's own root (React's src/App.tsx, Vue's src/App.vue, Svelte's src/screens/Page.svelte, HTML's index.html with
 * the fragments inlined; Angular's and React Native's screen: routed-page.ts). It carries the frame's layer id.
 */
import type { Target } from "../../../codegen/targets.js";
import type { SourceFile } from "../../../codegen/types.js";
import { angularPage, reactNativePage } from "./routed-page.js";
import { sectionFiles } from "./targets.js";

type Styling = "css-modules" | "tailwind";

export const PAGE_RULES = (w: number): string[] => [
  "display: flex;",
  "flex-direction: column;",
  "width: 100%;",
  `max-width: ${Math.round(w)}px;`,
  "margin: 0 auto;",
];

/**
 * The page: each section, one below the other, in drawn order; `fragments` are the HTML sections' files. `globals`:
 * the shared files the sections wrote that no file imports (src/fonts.ts, src/global.css: a project's entry brings
 * them in), imported first, so the sections' own stylesheets come after them. The page carries the frame's layer id
 * (`frame.id`): the frame's layer is measured on it.
 */
export function pageFiles(
  components: readonly string[],
  frame: { w: number; name?: string; id?: string },
  target: Target,
  styling: Styling,
  fragments: readonly SourceFile[] = [],
  globals: readonly string[] = [],
): SourceFile[] {
  const tailwind = styling === "tailwind";
  const w = Math.round(frame.w);
  const id = frame.id ? ` data-node-id=${JSON.stringify(frame.id)}` : "";
  const main = tailwind
    ? `<main class="mx-auto flex w-full max-w-[${w}px] flex-col"${id}>`
    : `<main class="page"${id}>`;
  // From src/ (the page's folder for React and Vue) or from src/screens/ (Svelte's).
  const globalImports = (from: string): string[] =>
    globals.map((path) => `import "${from}${path.slice("src/".length).replace(/\.[jt]sx?$/, "")}";`);
  const css = [".page {", ...PAGE_RULES(frame.w).map((r) => `  ${r}`), "}"];
  const tags = components.map((c) => `    <${c} />`);
  switch (target) {
    case "vue":
      return [
        {
          path: "src/App.vue",
          content: [
            '<script setup lang="ts">',
            ...globalImports("./"),
            ...components.map((c) => `import ${c} from "./sections/${c}.vue";`),
            "</script>",
            "",
            "<template>",
            `  ${main}`,
            ...tags,
            "  </main>",
            "</template>",
            ...(tailwind ? [] : ["", "<style scoped>", ...css, "</style>"]),
            "",
          ].join("\n"),
        },
      ];
    case "svelte":
      return [
        {
          path: "src/screens/Page.svelte",
          content: [
            '<script lang="ts">',
            ...globalImports("../").map((line) => `  ${line}`),
            ...components.map((c) => `  import ${c} from "../sections/${c}.svelte";`),
            "</script>",
            "",
            main,
            ...tags.map((t) => t.slice(2)),
            "</main>",
            ...(tailwind ? [] : ["", "<style>", ...css, "</style>"]),
            "",
          ].join("\n"),
        },
      ];
    case "html":
      return htmlPage(components, frame, main, css, fragments);
    case "angular":
      return angularPage(components, main, tailwind ? undefined : css);
    case "react-native":
      return reactNativePage(components, frame);
    default:
      return reactPage(components, w, tailwind, css, [globalImports("./"), id]);
  }
}

function reactPage(
  components: readonly string[],
  w: number,
  tailwind: boolean,
  css: string[],
  [globals, id]: [string[], string],
): SourceFile[] {
  const open = tailwind
    ? `<main className="mx-auto flex w-full max-w-[${w}px] flex-col"${id}>`
    : `<main className={styles.page}${id}>`;
  const app = [
    ...globals,
    ...components.map((c) => `import { ${c} } from "./sections/${c}";`),
    ...(tailwind ? [] : ['import styles from "./App.module.css";']),
    "",
    "export default function App() {",
    "  return (",
    `    ${open}`,
    ...components.map((c) => `      <${c} />`),
    "    </main>",
    "  );",
    "}",
    "",
  ].join("\n");
  return [
    { path: "src/App.tsx", content: app },
    ...(tailwind ? [] : [{ path: "src/App.module.css", content: `${css.join("\n")}\n` }]),
  ];
}

/** index.html with each section's fragment inlined in order, styles.css with the page's rules and each section's. */
function htmlPage(
  components: readonly string[],
  frame: { name?: string },
  main: string,
  css: string[],
  fragments: readonly SourceFile[],
): SourceFile[] {
  const text = (path: string): string | undefined => fragments.find((f) => f.path === path)?.content;
  const body = components.flatMap((c) => {
    const html = text(sectionFiles(c, "html").main);
    return html === undefined ? [] : [html.trim()];
  });
  const styles = [
    css.join("\n"),
    ...components.flatMap((c) => {
      const rules = text(sectionFiles(c, "html").css!);
      return rules === undefined ? [] : [`/* ${c} */\n${rules.trim()}`];
    }),
  ];
  const title = (frame.name ?? "Page").replace(/[<&>]/g, " ");
  const index = [
    "<!doctype html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${title}</title>`,
    '<link rel="stylesheet" href="styles.css">',
    "</head>",
    "<body>",
    main,
    ...body,
    "</main>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
  return [
    { path: "index.html", content: index },
    { path: "styles.css", content: `${styles.join("\n\n")}\n` },
  ];
}
