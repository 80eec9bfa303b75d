/**
 * SVG markup read tag by tag: the JSX emitter (codegen/emit/svg-jsx.ts) and the tokens in inline SVG
 * (codegen/tokens/svg-colors.ts).
 */

/** One tag of SVG markup: [1] "/" when closing, [2] its name, [3] its attributes, [4] "/" when self-closing. */
export const SVG_TAG = /<(\/?)([a-zA-Z][\w:.-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'))?)*)\s*(\/?)>/g;
