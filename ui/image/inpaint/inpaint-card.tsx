/**
 * "Repaint the masked area", offered when the selection is an image layer and shapes over it (or a frame holding
 * both): what to paint there, and with a local SD server the strength and, behind Options, the mask's blur, what
 * the area starts from and whether only it is repainted at full resolution. The shapes are the mask.
 */
import { useState } from "preact/hooks";
import { TextArea } from "../../controls/text-area.js";
import type { SdMaskData } from "../../engine/protocol/sd.js";
import { DEFAULT_INPAINT, type InpaintAsk } from "./inpaint-request.js";
import { Checkbox, ChoiceField } from "../../controls/fields.js";
import { choicesOf } from "../../controls/choices.js";

export interface InpaintCardProps {
  /** The image layer's name, or the frame's holding it and the shapes (`holder`). */
  target: { name: string; holder: boolean };
  /** A local SD server draws (its options show). */
  sd: boolean;
  busy: boolean;
  /** Why it cannot go now (no key…), shown on the button. */
  blocked?: string;
  onRepaint(ask: InpaintAsk): void;
}

const FILLS: { value: SdMaskData["fill"]; label: string; hint: string }[] = [
  { value: "original", label: "Original", hint: "starts from what is there" },
  { value: "fill", label: "Fill", hint: "the colours around it" },
  { value: "latent-noise", label: "Noise", hint: "something new" },
  { value: "latent-nothing", label: "Nothing", hint: "a flat start" },
];

const clampNumber = (text: string, min: number, max: number, fallback: number): number => {
  const n = Number(text);
  return Number.isFinite(n) ? Math.min(max, Math.max(min, Math.round(n))) : fallback;
};

export function InpaintCard({ target, sd, busy, blocked, onRepaint }: InpaintCardProps) {
  const [ask, setAsk] = useState<InpaintAsk>(DEFAULT_INPAINT);
  const set = (patch: Partial<InpaintAsk>) => setAsk((a) => ({ ...a, ...patch }));
  const why = blocked ?? (ask.prompt.trim() ? undefined : "Say what to paint in the masked area first");
  return (
    <section class="inpaint" aria-label="Repaint the masked area">
      <p class="inpaint__lead">
        {target.holder ? (
          <>
            The shapes in <strong>“{target.name}”</strong> over its image are the mask:
          </>
        ) : (
          <>
            The shapes over <strong>“{target.name}”</strong> are the mask:
          </>
        )}{" "}
        what you describe is painted there and replaces the layer's image. The original is kept as a version.
      </p>
      <TextArea
        class="inpaint__prompt"
        minRows={1}
        maxRows={4}
        aria-label="What to paint there"
        placeholder="What to paint there, e.g. “a red kite in the sky”"
        value={ask.prompt}
        disabled={busy}
        onSubmit={() => !why && !busy && onRepaint(ask)}
        onInput={(e) => set({ prompt: e.currentTarget.value })}
      />
      {sd ? (
        <>
          <label
            class="field field--inline sd-strength"
            title="How much of the masked area is repainted: 0 keeps it, 1 ignores it (denoising strength)"
          >
            <span class="field__label">Strength</span>
            <input
              type="range"
              min={0}
              max={1}
              step={0.05}
              aria-label="Repaint strength"
              value={ask.strength}
              disabled={busy}
              onInput={(e) => set({ strength: Number(e.currentTarget.value) })}
            />
            <output class="muted">{ask.strength.toFixed(2)}</output>
          </label>
          <details class="inpaint__options">
            <summary>Options</summary>
            <div class="options">
              <label class="field field--inline sd-field" title="The mask's edge is softened by this many pixels">
                <span class="field__label">Mask blur</span>
                <input
                  class="input input--narrow"
                  inputMode="numeric"
                  aria-label="Mask blur"
                  value={String(ask.blur)}
                  disabled={busy}
                  onInput={(e) => set({ blur: clampNumber(e.currentTarget.value, 0, 64, DEFAULT_INPAINT.blur) })}
                />
              </label>
              <ChoiceField
                label="Start from"
                name="Inpainting fill"
                menu
                {...choicesOf(ask, set, busy)("fill", FILLS)}
              />
            </div>
            <div class="options">
              <Checkbox
                title="Repaint only the masked area, at the model's full resolution, then fit it back"
                checked={ask.fullRes}
                disabled={busy}
                onCheck={(fullRes) => set({ fullRes })}
              >
                Only the masked area, full resolution
              </Checkbox>
              {ask.fullRes ? (
                <label class="field field--inline sd-field" title="Pixels around the masked area the model sees">
                  <span class="field__label">Padding</span>
                  <input
                    class="input input--narrow"
                    inputMode="numeric"
                    aria-label="Padding"
                    value={String(ask.padding)}
                    disabled={busy}
                    onInput={(e) =>
                      set({ padding: clampNumber(e.currentTarget.value, 0, 256, DEFAULT_INPAINT.padding) })
                    }
                  />
                </label>
              ) : null}
            </div>
          </details>
        </>
      ) : null}
      <div class="head-row inpaint__actions">
        <button
          type="button"
          class="button button--primary"
          disabled={busy || why !== undefined}
          title={why ?? "Make the mask from the shapes and repaint that area"}
          onClick={() => onRepaint(ask)}
        >
          Repaint the masked area
        </button>
      </div>
    </section>
  );
}
