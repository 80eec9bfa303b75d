/** Svelte's compiled components' runtime: the package publishes it without types (svelte-globals.ts passes it on). */
declare module "svelte/internal/client";
