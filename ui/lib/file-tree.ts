/** Generated file paths as a folder tree for the results view (pure). */

export interface FolderNode {
  kind: "folder";
  name: string;
  path: string;
  children: TreeNode[];
}

export interface FileNode {
  kind: "file";
  name: string;
  path: string;
}

export type TreeNode = FolderNode | FileNode;

/** Folders first, then files, each alphabetical; single-child folder chains stay separate levels. */
export function buildFileTree(paths: string[]): FolderNode {
  const root: FolderNode = { kind: "folder", name: "", path: "", children: [] };
  for (const path of paths) {
    const parts = path.split("/").filter(Boolean);
    let folder = root;
    parts.forEach((part, index) => {
      const childPath = parts.slice(0, index + 1).join("/");
      if (index === parts.length - 1) {
        folder.children.push({ kind: "file", name: part, path });
        return;
      }
      let next = folder.children.find((c): c is FolderNode => c.kind === "folder" && c.name === part);
      if (!next) {
        next = { kind: "folder", name: part, path: childPath, children: [] };
        folder.children.push(next);
      }
      folder = next;
    });
  }
  sortTree(root);
  return root;
}

function sortTree(folder: FolderNode): void {
  folder.children.sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === "folder" ? -1 : 1));
  for (const child of folder.children) if (child.kind === "folder") sortTree(child);
}

/** The file to open first: the first screen, else the first page, else the first file. */
export function defaultFile(paths: string[]): string | undefined {
  return (
    paths.find((p) => /^src\/screens\/[^/]+\.tsx$/.test(p)) ??
    paths.find((p) => p === "index.html") ??
    paths.find((p) => p.endsWith(".html")) ??
    paths[0]
  );
}
