/** The generated files as a folder tree; a click opens the file in a tab. */
import { useState } from "preact/hooks";
import { ChevronIcon, FileIcon } from "../controls/icons.js";
import type { FolderNode, TreeNode } from "../lib/file-tree.js";
import { plural } from "../../kernel/plural.js";

/** The name with break chances before each dot, so "Hint.module.css" wraps as "Hint" / ".module.css". */
function Breakable({ name }: { name: string }) {
  const parts = name.split(/(?=\.)/);
  return <>{parts.map((part, i) => (i === 0 ? part : [<wbr key={i} />, part]))}</>;
}

export function FileTreeView({
  root,
  active,
  problemCounts,
  onOpen,
}: {
  root: FolderNode;
  active: string | undefined;
  problemCounts: Map<string, number>;
  onOpen(path: string): void;
}) {
  return (
    <nav class="tree" aria-label="Generated files">
      <ul>
        {root.children.map((node) => (
          <TreeItem
            key={node.path}
            node={node}
            depth={0}
            active={active}
            problemCounts={problemCounts}
            onOpen={onOpen}
          />
        ))}
      </ul>
    </nav>
  );
}

function TreeItem({
  node,
  depth,
  active,
  problemCounts,
  onOpen,
}: {
  node: TreeNode;
  depth: number;
  active: string | undefined;
  problemCounts: Map<string, number>;
  onOpen(path: string): void;
}) {
  const [open, setOpen] = useState(true);
  const indent = { paddingLeft: `${6 + depth * 12}px` };
  if (node.kind === "file") {
    const problems = problemCounts.get(node.path) ?? 0;
    return (
      <li>
        <button
          type="button"
          class={`tree__row${node.path === active ? " is-active" : ""}`}
          aria-current={node.path === active ? "true" : undefined}
          style={indent}
          title={node.path}
          onClick={() => onOpen(node.path)}
        >
          <FileIcon />
          <span class="tree__name">
            <Breakable name={node.name} />
          </span>
          {problems > 0 ? (
            <span class="tree__badge" title={`${plural(problems, "problem")}`}>
              {problems}
            </span>
          ) : null}
        </button>
      </li>
    );
  }
  return (
    <li>
      <button
        type="button"
        class="tree__row tree__row--folder"
        aria-expanded={open}
        style={indent}
        onClick={() => setOpen(!open)}
      >
        <span class={`tree__chevron${open ? " is-open" : ""}`}>
          <ChevronIcon />
        </span>
        <span class="tree__name">{node.name}</span>
      </button>
      {open ? (
        <ul>
          {node.children.map((child) => (
            <TreeItem
              key={child.path}
              node={child}
              depth={depth + 1}
              active={active}
              problemCounts={problemCounts}
              onOpen={onOpen}
            />
          ))}
        </ul>
      ) : null}
    </li>
  );
}
