/**
 * A mask's clip (mask.ts's `clip-path`) in React Native, which has neither `clip-path` nor `mask-image`: the masked
 * layers clipped to their box (`overflow: "hidden"`), rounded as the mask's rectangle is, or round where the mask is an
 * ellipse over the whole box. That is the outline only: a mask's picture (its alpha) is drawn by a MaskedView
 * (mask-picture.ts), whose picture is transparent outside the mask's box; a clip by a vector's path or by part of the
 * box is left out.
 */
/** A style key and its value as printed (style.ts RnEntry). */
type RnEntry = [string, string];

const ZERO = /^0(?:px|%)?$/;
const PX = /^(\d+(?:\.\d+)?)px$/;

/** The entries for a `clip-path` value, pushed to `out`; false where React Native has none that draws it. */
export function clipEntries(value: string, out: RnEntry[]): boolean {
  const v = value.trim();
  const inset = /^inset\(\s*([^)]*?)\s*\)$/.exec(v);
  if (inset) {
    const [sides, round] = inset[1]!.split(/\s+round\s+/);
    if (!sides!.split(/\s+/).every((s) => ZERO.test(s))) return false;
    const radii = round?.split(/\s+/).map((r) => PX.exec(r)?.[1]);
    if (radii?.some((r) => r === undefined)) return false;
    out.push(["overflow", '"hidden"']);
    if (radii && radii.length === 1) out.push(["borderRadius", radii[0]!]);
    else if (radii && radii.length === 4) {
      const keys = ["borderTopLeftRadius", "borderTopRightRadius", "borderBottomRightRadius", "borderBottomLeftRadius"];
      keys.forEach((k, i) => out.push([k, radii[i]!]));
    } else if (radii) return false;
    return true;
  }
  if (/^ellipse\(\s*50%\s+50%\s+at\s+50%\s+50%\s*\)$/.test(v)) {
    out.push(["overflow", '"hidden"'], ["borderRadius", '"50%"']);
    return true;
  }
  return false;
}
