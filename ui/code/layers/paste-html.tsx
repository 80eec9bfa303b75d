/**
 * "Paste HTML": a page the user pastes (a site's source, a model's answer from elsewhere) goes the same way as a Code
 * result's page — made inert as the preview's, read in the sandboxed iframe at the chosen width, built beside the
 * selection as layers.
 */
import { useState } from "preact/hooks";
import { TextArea } from "../../controls/text-area.js";
import type { MainRequests } from "../../channel/requests.js";
import { PastedLayersBar } from "./layers-loader.js";

/** `startOpen` with `onClose`: opened from the results' "More" menu, and gone again when hidden. */
export function PasteHtml({
  requests,
  startOpen = false,
  onClose,
}: {
  requests: MainRequests;
  startOpen?: boolean;
  onClose?: () => void;
}) {
  const [open, setOpen] = useState(startOpen);
  const [html, setHtml] = useState("");
  return (
    <div class="paste-html">
      <button
        type="button"
        class="link-button paste-html__toggle"
        aria-expanded={open}
        onClick={() => (open && onClose ? onClose() : setOpen(!open))}
      >
        {open ? "Hide pasted HTML" : "Paste HTML as layers…"}
      </button>
      {open ? (
        <>
          <TextArea
            class="paste-html__text"
            aria-label="HTML to insert as layers"
            placeholder="Paste a page's HTML (scripts never run; external images get placeholders)"
            value={html}
            minRows={4}
            maxRows={10}
            spellcheck={false}
            onInput={(event) => setHtml(event.currentTarget.value)}
          />
          <PastedLayersBar html={html} requests={requests} />
        </>
      ) : null}
    </div>
  );
}
