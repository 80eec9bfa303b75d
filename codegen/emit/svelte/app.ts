/** The Svelte project's App component, which the starter project and the Svelte preview both mount. */
import type { SourceFile } from "../../types.js";

/**
 * src/App.svelte: the screen at the route's path (the first screen when none is at it), or the one screen. The
 * starter project's, and the preview's (codegen/preview/svelte-preview.ts).
 */
export function svelteAppFile(files: readonly SourceFile[]): string {
  if (files.some((f) => f.path === "src/routes.ts"))
    return [
      '<script lang="ts">',
      '  import { route } from "./router.svelte";',
      '  import { routes } from "./routes";',
      "",
      '  const Screen = $derived(routes[route.path] ?? routes["/"]);',
      "</script>",
      "",
      "<svelte:window onpopstate={() => (route.path = location.pathname)} />",
      "<Screen />",
      "",
    ].join("\n");
  const first = files.find((f) => /^src\/screens\/[^/]+\.svelte$/.test(f.path));
  if (!first) return "<main></main>\n";
  const name = first.path.slice("src/screens/".length, -".svelte".length);
  return [
    '<script lang="ts">',
    `  import ${name} from "./screens/${name}.svelte";`,
    "</script>",
    "",
    `<${name} />`,
    "",
  ].join("\n");
}
