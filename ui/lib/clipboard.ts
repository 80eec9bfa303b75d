/**
 * Copies text. Figma's plugin iframe may not grant the Clipboard API, so a failure falls back to a hidden
 * textarea and `document.execCommand("copy")`.
 */
export async function copyText(text: string): Promise<void> {
  try {
    if (navigator.clipboard && typeof navigator.clipboard.writeText === "function") {
      await navigator.clipboard.writeText(text);
      return;
    }
  } catch {
    // blocked in this frame: fall back below
  }
  copyWithTextarea(text);
}

function copyWithTextarea(text: string): void {
  const textarea = document.createElement("textarea");
  textarea.value = text;
  textarea.setAttribute("readonly", "");
  textarea.style.position = "fixed";
  textarea.style.top = "0";
  textarea.style.left = "0";
  textarea.style.opacity = "0";
  textarea.style.pointerEvents = "none";
  const focused = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  document.body.appendChild(textarea);
  textarea.select();
  textarea.setSelectionRange(0, text.length);
  let copied = false;
  try {
    copied = document.execCommand("copy");
  } finally {
    textarea.remove();
    focused?.focus();
  }
  if (!copied) throw new Error("the browser refused to copy; select the code and press Ctrl/⌘+C");
}
