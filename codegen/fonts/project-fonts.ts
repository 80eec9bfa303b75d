/**
 * The design's fonts in files someone else wrote (the model's): when they do not load a Google-served family
 * the frames use, the links (HTML) or the Fontsource imports (React, Vue, Svelte, Angular) are added, as the offline
 * output has them; React Native's are left to the Expo project. What the files already load is left as it is.
 */
import type { Target } from "../targets.js";
import type { Problem, SourceFile } from "../types.js";
import { fontsourceFamily } from "./fontsource.js";
import { googleFontsLinks, reactFontFiles, themeFontSlug } from "./output.js";
import type { FontPlan, ServedFamily } from "./plan.js";

const ENTRIES = [
  "src/main.tsx",
  "src/main.jsx",
  "src/main.ts",
  "src/index.tsx",
  "src/index.ts",
  "src/App.tsx",
  "src/App.jsx",
];

/** The families the files already load: Google Fonts URLs and Fontsource imports, by theme slug. */
function loadedFamilies(files: readonly SourceFile[]): Set<string> {
  const loaded = new Set<string>();
  for (const f of files) {
    for (const m of f.content.matchAll(/fonts\.googleapis\.com\/css2?\?([^"')\s>]*)/g)) {
      for (const spec of m[1]!.replace(/&amp;/g, "&").split("&")) {
        const family = /^family=([^:&]+)/.exec(spec)?.[1];
        if (family) loaded.add(themeFontSlug(decodeURIComponent(family.replace(/\+/g, " "))));
      }
    }
    for (const m of f.content.matchAll(/["'](@fontsource(?:-variable)?\/[a-z0-9-]+[^"']*)["']/g)) {
      const family = fontsourceFamily(m[1]!);
      if (family) loaded.add(themeFontSlug(family.family));
    }
  }
  return loaded;
}

function missingFamilies(files: readonly SourceFile[], plan: FontPlan): ServedFamily[] {
  const loaded = loadedFamilies(files);
  return plan.served.filter((f) => !loaded.has(themeFontSlug(f.family)));
}

/** `import "./fonts";` as the entry's first line (every entry sits in src/, beside src/fonts.ts). */
function importFonts(entry: SourceFile): SourceFile {
  return { ...entry, content: `import "./fonts";\n${entry.content}` };
}

/** The files with the missing Google-served families loaded, and a note saying what was added. */
export function withDesignFonts(
  files: readonly SourceFile[],
  plan: FontPlan,
  target: Target,
  styling: "css-modules" | "tailwind",
): { files: SourceFile[]; problems: Problem[] } {
  // React Native's fonts are the Expo project's (useFonts in app/_layout.tsx, scaffold/expo-fonts.ts): no Fontsource
  // stylesheet is a module React Native can load, and src/index.ts (its screens' exports) is no entry of a page.
  if (target === "react-native") return { files: [...files], problems: [] };
  const missing = missingFamilies(files, plan);
  if (missing.length === 0) return { files: [...files], problems: [] };
  const only: FontPlan = { served: missing, unserved: [], fallbacks: [] };
  const names = missing.map((f) => f.family).join(", ");
  if (target === "html") {
    const links = googleFontsLinks(only);
    let added = 0;
    const out = files.map((f) => {
      if (!/\.html?$/i.test(f.path) || !/<\/head>/i.test(f.content)) return f;
      added++;
      // Before the first stylesheet, so the page's own rules come after the fonts they name.
      const at = f.content.search(/<link\b[^>]*rel=["']?stylesheet|<style\b|<\/head>/i);
      return {
        ...f,
        content: f.content.slice(0, at) + links.map((l) => l.trim()).join("\n") + "\n" + f.content.slice(at),
      };
    });
    return {
      files: out,
      problems:
        added > 0
          ? [
              {
                severity: "info",
                code: "font-links-added",
                message: `fonts: added the Google Fonts link for ${names} to ${added} page(s)`,
              },
            ]
          : [],
    };
  }
  const fontsFile = reactFontFiles(only, styling, () => "").find((f) => f.path === "src/fonts.ts");
  // Angular's entry is the starter's (angular.json's styles, the preview's main): src/fonts.ts alone is read by both.
  if (target === "angular" && fontsFile && !files.some((f) => f.path === "src/fonts.ts")) {
    const message = `fonts: added src/fonts.ts (Fontsource imports for ${names}), which angular.json's styles load`;
    return { files: [...files, fontsFile], problems: [{ severity: "info", code: "font-imports-added", message }] };
  }
  const entry = ENTRIES.map((path) => files.find((f) => f.path === path)).find((f) => f !== undefined);
  if (!entry || !fontsFile || files.some((f) => f.path === "src/fonts.ts")) {
    return {
      files: [...files],
      problems: [
        {
          severity: "info",
          code: "font-imports-missing",
          message:
            `fonts: the files do not load ${names}; import them in your entry (npm ` +
            `install ${missing.map((f) => `@fontsource/${f.fontsourceId}`).join(" ")})`,
        },
      ],
    };
  }
  const out = files.map((f) => (f === entry ? importFonts(f) : f));
  out.push(fontsFile);
  return {
    files: out,
    problems: [
      {
        severity: "info",
        code: "font-imports-added",
        message: `fonts: added src/fonts.ts (Fontsource imports for ${names}), imported by ${entry.path}`,
      },
    ],
  };
}
