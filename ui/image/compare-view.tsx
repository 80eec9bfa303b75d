/** Two versions side by side, each with what made it; the strip picks the right-hand one. */
import type { ImageVersion } from "./versions.js";
import { VersionImage } from "./version-image.js";
import { versionLine } from "./versions.js";

export function CompareView({ pair, onStop }: { pair: [ImageVersion, ImageVersion]; onStop(): void }) {
  return (
    <fieldset class="compare" aria-label={`Comparing v${pair[0].n} and v${pair[1].n}`}>
      <div class="compare__row">
        {pair.map((version) => (
          <figure key={version.id} class="compare__item">
            <VersionImage version={version} class="compare__image" />
            <figcaption>
              <span class="compare__line">{versionLine(version)}</span>
              <span class="compare__prompt" title={version.prompt}>
                {version.prompt}
              </span>
            </figcaption>
          </figure>
        ))}
      </div>
      <div class="compare__bar">
        <span class="muted">Pick another version below to compare with v{pair[0].n}.</span>
        <button type="button" class="button button--secondary" onClick={onStop}>
          Done comparing
        </button>
      </div>
    </fieldset>
  );
}
