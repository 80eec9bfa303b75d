/**
 * A double-quoted string literal (JSON.stringify's form) as the format pass writes it: in double quotes unless it
 * holds more double than single quotes, then in single quotes (prettier's and Biome's choice), escapes otherwise
 * kept as written.
 */
export function jsStringLiteral(literal: string): string {
  const body = literal.slice(1, -1);
  const doubles = body.match(/\\"/g)?.length ?? 0;
  if (doubles === 0) return literal;
  const singles = body.match(/'/g)?.length ?? 0;
  if (doubles <= singles) return literal;
  const swapped = body.replace(/\\(.)|'/g, (m, escaped?: string) =>
    escaped === undefined ? "\\'" : escaped === '"' ? '"' : m,
  );
  return `'${swapped}'`;
}

/**
 * Every double-quoted string literal in a line of code (no template or regex literals) as the format pass writes
 * it.
 */
export function requoteStrings(code: string): string {
  return code.replace(/"(?:[^"\\]|\\.)*"/g, jsStringLiteral);
}
