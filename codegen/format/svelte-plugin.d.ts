/**
 * prettier-plugin-svelte's standalone build (`./browser`: it imports prettier/standalone, not prettier), whose package
 * types only its options: a prettier plugin's four exports.
 */
declare module "prettier-plugin-svelte/browser" {
  import type { Plugin } from "prettier";

  export const languages: Plugin["languages"];
  export const parsers: Plugin["parsers"];
  export const printers: Plugin["printers"];
  export const options: Plugin["options"];
}
