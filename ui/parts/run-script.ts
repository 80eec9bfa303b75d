/**
 * Runs a script the main thread sent (a part unpacked from gzip+base64) in the panel's page, as a Blob URL
 * <script>: Figma's iframe cannot fetch files of the plugin, so a part comes as text and runs from memory.
 */
export function runScript(source: string, what: string): Promise<void> {
  const url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
  return new Promise<void>((resolve, reject) => {
    const script = document.createElement("script");
    script.src = url;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`the ${what} script did not run`));
    document.head.append(script);
  }).finally(() => URL.revokeObjectURL(url));
}
