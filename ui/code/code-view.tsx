/**
 * One file, with line numbers; scrolls to and marks `line` when given. Shown escaped at once, then highlighted by
 * `highlight` (the engine worker's `highlight` job: the highlighter is not in ui.html).
 */
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { escapeHtml } from "../../codegen/escape.js";

/** Beyond this size a file is shown without colours: highlighting and rendering would stall the panel. */
const HIGHLIGHT_LIMIT = 250_000;

/** A file's lines as escaped HTML with the highlighter's token classes. */
export type Highlight = (path: string, text: string) => Promise<string[]>;

interface CodeViewProps {
  path: string;
  content: string;
  line: number | undefined;
  highlight: Highlight;
}

export function CodeView({ path, content, line, highlight }: CodeViewProps) {
  const plain = useMemo(() => content.split("\n").map(escapeHtml), [content]);
  const [coloured, setColoured] = useState<{ path: string; content: string; lines: string[] } | undefined>();
  useEffect(() => {
    if (content.length > HIGHLIGHT_LIMIT) return;
    let current = true;
    highlight(path, content)
      .then((lines) => {
        // The file may have changed meanwhile; and a highlighter that splits lines otherwise is not trusted.
        if (current && lines.length === plain.length) setColoured({ path, content, lines });
      })
      // Without the worker the file stays readable, uncoloured.
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [path, content, plain, highlight]);
  const lines = coloured && coloured.path === path && coloured.content === content ? coloured.lines : plain;
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const root = container.current;
    if (!root) return;
    if (line === undefined) {
      root.scrollTop = 0;
      return;
    }
    const row = root.querySelector<HTMLElement>(`[data-line="${line}"]`);
    row?.scrollIntoView({ block: "center" });
  }, [path, line]);

  const width = `${String(lines.length).length + 1}ch`;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region takes focus so the keyboard can scroll it
    <section class="code" ref={container} tabIndex={0} aria-label={`Code of ${path}`}>
      <pre>
        <code>
          {lines.map((html, index) => (
            <div key={index} class={`code__line${index + 1 === line ? " is-target" : ""}`} data-line={index + 1}>
              <span class="code__number" style={{ width }} aria-hidden="true">
                {index + 1}
              </span>
              {/* Both escape every character of the file (escapeHtml, highlightLines). */}
              <span class="code__text" dangerouslySetInnerHTML={{ __html: html === "" ? " " : html }} />
            </div>
          ))}
        </code>
      </pre>
    </section>
  );
}
