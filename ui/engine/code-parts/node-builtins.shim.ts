/**
 * Node's `fs`, `module`, `os` and `url` as the code-angular part's bundle of `@angular/compiler-cli` sees them
 * (esbuild.config.mjs): its chunks name them at load (a `require` made from `import.meta.url`, the Node file system it
 * sets first) but the part's compile never calls them, since it replaces that file system (angular-compile.ts) and
 * its compiler host holds every file. A call would be a bug, said so. And Node's `process` as the compiler's chunks
 * alone see it (given to them by esbuild.config.mjs, not to TypeScript, which would take itself for Node): its
 * performance recorder's clock and memory, which every compile reads.
 */
const absent = (what: string) => (): never => {
  throw new Error(`${what} is Node's: the Angular preview in the worker has no Node`);
};

export const createRequire = (): ((id: string) => never) => absent("require");
export const EOL = "\n";
export default {};

/** `process.hrtime` on the worker's clock: [seconds, nanoseconds], since `since` when given. */
function hrtime(since?: [number, number]): [number, number] {
  const ns = Math.round(performance.now() * 1e6) - (since ? since[0] * 1e9 + since[1] : 0);
  return [Math.floor(ns / 1e9), ns % 1e9];
}

export const process = {
  hrtime,
  memoryUsage: () => ({ heapUsed: 0 }),
  cwd: () => "/",
  chdir: absent("process.chdir"),
  env: {},
};
