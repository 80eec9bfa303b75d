/**
 * The library declarations' parsed files (TypeScript's and Angular's libraries), kept for every ngtsc compile after
 * the first: parsing them was most of a compile's time (~1.5 s of ~2 s a frame), and they never change while the
 * process runs. Both compiler hosts keep them this way: the CLI's, which reads them from node_modules
 * (cli/measure/angular-compile.ts), and the engine worker's, which holds them in memory
 * (ui/engine/code-parts/angular-compile.ts). The project's own files are parsed afresh each compile.
 */
import type ts from "typescript";

/** The language a host is asked to parse a file for (a target, or the options with the module format). */
type Language = Parameters<ts.CompilerHost["getSourceFile"]>[1];

/** A file's parsed form for `language`: the one kept, else what `parse` makes of it (kept if it made one). */
export type KeptParse = (
  fileName: string,
  language: Language,
  parse: () => ts.SourceFile | undefined,
) => ts.SourceFile | undefined;

/** A store of parsed files for one process's compiles (the same file for another language is parsed again). */
export function keepParsed(): KeptParse {
  const parsed = new Map<string, ts.SourceFile>();
  return (fileName, language, parse) => {
    const version =
      typeof language === "object" ? `${language.languageVersion}:${language.impliedNodeFormat}` : language;
    const key = `${version}\0${fileName}`;
    const kept = parsed.get(key);
    if (kept) return kept;
    const file = parse();
    if (file) parsed.set(key, file);
    return file;
  };
}
