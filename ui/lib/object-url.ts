/** A blob: URL for image bytes while the component is mounted (revoked when the bytes change or it unmounts). */
import { useEffect, useState } from "preact/hooks";
import { imageInfo, MIME } from "../../ai/image/bytes.js";

export function useObjectUrl(bytes: Uint8Array | undefined): string | undefined {
  const [url, setUrl] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (!bytes) return setUrl(undefined);
    const next = URL.createObjectURL(
      new Blob([bytes as Uint8Array<ArrayBuffer>], { type: MIME[imageInfo(bytes)?.format ?? "png"] }),
    );
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [bytes]);
  return url;
}
