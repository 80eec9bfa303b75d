/**
 * The words of a code run that every stage shares (the scaffold, the emitters, the loader): what is written and how it
 * is styled.
 */

/**
 * What code is written: React (TSX) components, plain HTML with one stylesheet, Vue single-file components, Svelte
 * components, Angular standalone components or React Native (TypeScript, StyleSheet) components.
 */
export const TARGETS = ["react", "html", "vue", "svelte", "angular", "react-native"] as const;
export type Target = (typeof TARGETS)[number];
/** How React output is styled (HTML output always has one stylesheet). */
export const STYLINGS = ["css-modules", "tailwind"] as const;
export type Styling = (typeof STYLINGS)[number];
