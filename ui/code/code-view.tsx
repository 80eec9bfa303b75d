/** One file, highlighted, with line numbers; scrolls to and marks `line` when given. */
import { useEffect, useMemo, useRef } from "preact/hooks";
import { escapeHtml } from "../../codegen/escape.js";
import { highlightLines, languageOf } from "../lib/highlight.js";

/** Beyond this size a file is shown without colours: highlighting and rendering would stall the panel. */
const HIGHLIGHT_LIMIT = 250_000;

export function CodeView({ path, content, line }: { path: string; content: string; line: number | undefined }) {
  const lines = useMemo(
    () =>
      content.length > HIGHLIGHT_LIMIT
        ? content.split("\n").map(escapeHtml)
        : highlightLines(content, languageOf(path)),
    [path, content],
  );
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
              {/* highlightLines escapes every character of the file. */}
              <span class="code__text" dangerouslySetInnerHTML={{ __html: html === "" ? " " : html }} />
            </div>
          ))}
        </code>
      </pre>
    </section>
  );
}
