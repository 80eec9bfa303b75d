/** A version's picture: the full image while it is in memory, else its stored preview. */
import { useObjectUrl } from "../lib/object-url.js";
import type { ImageVersion } from "./versions.js";

export function VersionImage({
  version,
  class: extra,
  preview,
}: {
  version: ImageVersion;
  class?: string;
  preview?: boolean;
}) {
  // Thumbnails prefer the small preview; the main view the full image.
  const url = useObjectUrl(
    preview
      ? (version.preview ?? version.layerImage ?? version.bytes)
      : (version.bytes ?? version.layerImage ?? version.preview),
  );
  return (
    <span class={`version-image${extra ? ` ${extra}` : ""}`}>
      {/* The size attributes give the box its shape before the bytes decode. */}
      {url ? (
        <img
          src={url}
          width={version.width}
          height={version.height}
          alt={`v${version.n}: ${version.prompt}`}
          draggable={false}
        />
      ) : null}
    </span>
  );
}
