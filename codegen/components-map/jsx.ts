/** How a mapped component's literal props and children are written in JSX (the emitter and the preview share it). */
import type { PropLiteral } from "./model.js";

/** `disabled`, `variant="ghost"`, `count={3}`, `label={"a \"quoted\" text"}`, `open={false}`. */
export function jsxPropAttribute(name: string, value: PropLiteral): string {
  if (value === true) return name;
  if (typeof value !== "string") return `${name}={${JSON.stringify(value)}}`;
  // JSX attribute strings decode entities and allow no escapes: anything unusual goes in an expression.
  return /["\\\n{}&<>]/.test(value) ? `${name}={${JSON.stringify(value)}}` : `${name}="${value}"`;
}

/** A literal as JSX children: plain text when JSX keeps it as is, else an expression. */
export function jsxChildLiteral(value: PropLiteral): string {
  if (typeof value !== "string") return `{${JSON.stringify(value)}}`;
  if (value === "") return "";
  return /[{}<>\n\r\t"'`\\&]|^\s|\s$|\s\s/.test(value) ? `{${JSON.stringify(value)}}` : value;
}
