/**
 * A layer whose click opens, swaps or closes an overlay (codegen/prototype/overlays.ts) is a `<button>` that says which
 * dialog it controls. HTML opens and closes it without a script (the invoker commands `commandfor` / `command`), a swap
 * closes one and opens the other (a line of script); React calls the dialog's ref (`showModal()`, `close()`). A hover's
 * overlay is shown (not modal: the pointer stays free) while the pointer or the focus is on its button.
 */
import type { Link } from "../prototype/links.js";
import { camelCase } from "./names.js";
import type { Semantics } from "./semantics.js";

type OverlayLink = Extract<Link, { kind: "overlay" }>;

/** The name of a dialog's ref in a React screen: `overlay-menu` → `overlayMenu`. */
export const dialogRef = (dialog: string): string => camelCase(dialog, "overlay");

type Trigger = Semantics & { htmlAttrs: [string, string][]; reactAttrs: [string, string][] };

/** A button that runs an invoker command on the dialog (HTML) or calls the dialog's ref (React). */
function command(attrs: [string, string][], dialog: string, name: string, call: string): Trigger {
  const htmlAttrs: [string, string][] = [
    ["commandfor", dialog],
    ["command", name],
  ];
  return { tag: "button", attrs, interactive: true, htmlAttrs, reactAttrs: [["onClick", `() => ${call}`]] };
}

export function overlayTrigger(link: OverlayLink): Trigger {
  const attrs: [string, string][] = [["type", "button"]];
  const ref = dialogRef(link.dialog);
  if (link.action === "close") return command(attrs, link.dialog, "close", `${ref}.current?.close()`);
  attrs.push(["aria-haspopup", "dialog"], ["aria-controls", link.dialog]);
  if (link.action === "hover") {
    // Figma opens it while the pointer is over the layer; the keyboard's focus does it too. Its `open` is set, not
    // show()n: show() would move the focus into it, and the button's blur close it.
    const [show, hide] = [`${ref}.current?.toggleAttribute("open", true)`, `${ref}.current?.close()`];
    const dom = (call: string): string => `document.getElementById('${link.dialog}').${call}`;
    return {
      tag: "button",
      attrs,
      interactive: true,
      htmlAttrs: [
        ["onmouseenter", dom("toggleAttribute('open', true)")],
        ["onmouseleave", dom("close()")],
        ["onfocus", dom("toggleAttribute('open', true)")],
        ["onblur", dom("close()")],
      ],
      reactAttrs: [
        ["onMouseEnter", `() => ${show}`],
        ["onMouseLeave", `() => ${hide}`],
        ["onFocus", `() => ${show}`],
        ["onBlur", `() => ${hide}`],
      ],
    };
  }
  if (link.action === "swap" && link.from) {
    const from = dialogRef(link.from);
    const byId = (id: string): string => `document.getElementById('${id}')`;
    return {
      tag: "button",
      attrs,
      interactive: true,
      htmlAttrs: [["onclick", `${byId(link.from)}.close(); ${byId(link.dialog)}.showModal()`]],
      reactAttrs: [["onClick", `() => { ${from}.current?.close(); ${ref}.current?.showModal(); }`]],
    };
  }
  return command(attrs, link.dialog, "show-modal", `${ref}.current?.showModal()`);
}
