/**
 * The model's Markdown as elements, from parseMarkdown's data: every piece of text is a text node (never
 * HTML), links are shown as their text with the address as a tooltip (the panel opens nothing on its own).
 */
import { parseMarkdown, type Block, type Inline } from "../lib/markdown.js";
import "./markdown-view.css";

function Inlines({ items }: { items: Inline[] }) {
  return (
    <>
      {items.map((item, i) => {
        switch (item.type) {
          case "text":
            return item.text;
          case "strong":
            return (
              <strong key={i}>
                <Inlines items={item.children} />
              </strong>
            );
          case "em":
            return (
              <em key={i}>
                <Inlines items={item.children} />
              </em>
            );
          case "code":
            return <code key={i}>{item.text}</code>;
          default: // "link", the last kind: a default makes the switch visibly exhaustive
            return (
              <span key={i} class="md__link" title={item.href}>
                {item.text}
              </span>
            );
        }
      })}
    </>
  );
}

function BlockView({ block }: { block: Block }) {
  switch (block.type) {
    case "heading": {
      const Tag = block.level <= 2 ? "h3" : "h4";
      return (
        <Tag class={`md__h md__h${Math.min(block.level, 4)}`}>
          <Inlines items={block.inlines} />
        </Tag>
      );
    }
    case "paragraph":
      return (
        <p>
          <Inlines items={block.inlines} />
        </p>
      );
    case "quote":
      return (
        <blockquote>
          <Inlines items={block.inlines} />
        </blockquote>
      );
    case "code":
      return (
        <pre class="md__pre">
          <code>{block.text}</code>
        </pre>
      );
    case "rule":
      return <hr />;
    case "list": {
      const Tag = block.ordered ? "ol" : "ul";
      return (
        <Tag start={block.ordered ? block.start : undefined}>
          {block.items.map((item, i) => (
            <li key={i} style={item.depth > 0 ? { marginLeft: `${item.depth * 14}px` } : undefined}>
              <Inlines items={item.inlines} />
            </li>
          ))}
        </Tag>
      );
    }
    case "table":
      return (
        <div class="md__table">
          <table>
            <thead>
              <tr>
                {block.head.map((cell, i) => (
                  <th key={i}>
                    <Inlines items={cell} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {block.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, i) => (
                    <td key={i}>
                      <Inlines items={cell} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
  }
}

export function MarkdownView({ text, class: extra }: { text: string; class?: string }) {
  return (
    <div class={`md${extra ? ` ${extra}` : ""}`}>
      {parseMarkdown(text).map((block, i) => (
        <BlockView key={i} block={block} />
      ))}
    </div>
  );
}
