/**
 * The wait both in-page scripts share (the score's probe runner and the layers agent): hide the scrollbar so the page
 * is laid out at the full width, as in headless Chromium (the CLI), then settle at a width — the viewport resized to
 * it, the images loaded or failed, the fonts ready. Self-contained: it runs inside the page, passed as source.
 */
export function pageSettled(): (width: number) => Promise<unknown> {
  const style = document.createElement("style");
  style.textContent = "html{scrollbar-width:none}html::-webkit-scrollbar{display:none}";
  document.head.append(style);
  const sized = (width: number): Promise<void> =>
    new Promise((resolve, reject) => {
      if (innerWidth === width) return resolve();
      const timer = setTimeout(() => reject(new Error(`the page stayed ${innerWidth} px wide, not ${width} px`)), 5000);
      const check = (): void => {
        if (innerWidth !== width) return;
        clearTimeout(timer);
        removeEventListener("resize", check);
        resolve();
      };
      addEventListener("resize", check);
    });
  return (width) => {
    const pending = Array.from(document.images)
      .filter((image) => !image.complete)
      .map(
        (image) =>
          new Promise((resolve) => {
            image.addEventListener("load", resolve, { once: true });
            image.addEventListener("error", resolve, { once: true });
          }),
      );
    return sized(width)
      .then(() => Promise.all(pending))
      .then(() => document.fonts.ready);
  };
}
