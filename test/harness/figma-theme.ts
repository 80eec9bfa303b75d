/**
 * Figma's theme variables as \`figma.showUI(…, { themeColors: true })\` puts them on the plugin's page (a
 * \`<style id="figma-style">\` of \`--figma-color-*\` and a \`figma-light\` / \`figma-dark\` class on <html>), for the
 * harnesses to render the panel in either theme.
 */
export const FIGMA_LIGHT = {
  "--figma-color-bg": "#ffffff",
  "--figma-color-bg-secondary": "#f5f5f5",
  "--figma-color-bg-tertiary": "#e6e6e6",
  "--figma-color-bg-hover": "#f5f5f5",
  "--figma-color-bg-selected": "#e5f4ff",
  "--figma-color-bg-brand": "#0d99ff",
  "--figma-color-bg-brand-hover": "#007be5",
  "--figma-color-bg-danger-tertiary": "#ffe2e0",
  "--figma-color-bg-warning-tertiary": "#fff1d6",
  "--figma-color-bg-disabled": "#d9d9d9",
  "--figma-color-text": "#000000e5",
  "--figma-color-text-secondary": "#00000080",
  "--figma-color-text-tertiary": "#0000004d",
  "--figma-color-text-onbrand": "#ffffff",
  "--figma-color-text-brand": "#007be5",
  "--figma-color-text-danger": "#dc3412",
  "--figma-color-text-warning": "#b86200",
  "--figma-color-text-success": "#009951",
  "--figma-color-text-component": "#8638e5",
  "--figma-color-text-disabled": "#0000004d",
  "--figma-color-border": "#e6e6e6",
  "--figma-color-border-selected": "#0d99ff",
  "--figma-color-border-danger": "#f24822",
  "--figma-color-icon": "#000000e5",
  "--figma-color-icon-secondary": "#00000080",
};
export const FIGMA_DARK: typeof FIGMA_LIGHT = {
  "--figma-color-bg": "#2c2c2c",
  "--figma-color-bg-secondary": "#383838",
  "--figma-color-bg-tertiary": "#444444",
  "--figma-color-bg-hover": "#383838",
  "--figma-color-bg-selected": "#4a5878",
  "--figma-color-bg-brand": "#0c8ce9",
  "--figma-color-bg-brand-hover": "#0a6dc2",
  "--figma-color-bg-danger-tertiary": "#5c2b25",
  "--figma-color-bg-warning-tertiary": "#5a4520",
  "--figma-color-bg-disabled": "#757575",
  "--figma-color-text": "#ffffff",
  "--figma-color-text-secondary": "#ffffffb2",
  "--figma-color-text-tertiary": "#ffffff66",
  "--figma-color-text-onbrand": "#ffffff",
  "--figma-color-text-brand": "#7cc4f8",
  "--figma-color-text-danger": "#fca397",
  "--figma-color-text-warning": "#f7d15f",
  "--figma-color-text-success": "#79d297",
  "--figma-color-text-component": "#d6b6fb",
  "--figma-color-text-disabled": "#ffffff66",
  "--figma-color-border": "#444444",
  "--figma-color-border-selected": "#0c8ce9",
  "--figma-color-border-danger": "#f24822",
  "--figma-color-icon": "#ffffff",
  "--figma-color-icon-secondary": "#ffffffb2",
};

export type FigmaTheme = "light" | "dark";

/**
 * `html` (the plugin's page) as Figma serves it with themeColors in `theme`: the class on <html>, the variables first
 * in <head>.
 */
export function withFigmaTheme(html: string, theme: FigmaTheme): string {
  const vars = theme === "dark" ? FIGMA_DARK : FIGMA_LIGHT;
  const style = `<style id="figma-style">:root{${Object.entries(vars)
    .map(([k, v]) => `${k}:${v}`)
    .join(";")}}</style>`;
  const classed = /<html(\s[^>]*)?>/i.test(html)
    ? html.replace(/<html(\s[^>]*)?>/i, (tag) =>
        /class=/i.test(tag)
          ? tag.replace(/class="/i, `class="figma-${theme} `)
          : tag.replace(/^<html/i, `<html class="figma-${theme}"`),
      )
    : html;
  return /<head(\s[^>]*)?>/i.test(classed)
    ? classed.replace(/<head(\s[^>]*)?>/i, (tag) => `${tag}${style}`)
    : `${style}${classed}`;
}
