import type { Font, GlyphRun } from "fontkit";

/**
 * Shaping a word with fontkit is most of the cost of a package PDF. pdfkit caches shaped words,
 * but on each document's own font object, so every package started cold although the 47 packages
 * of a main-job run share most of their words (headers, labels, party names). This wraps a parsed
 * font so that `layout` remembers its runs for the whole process; pdfkit accepts any object with a
 * `layout` method as a font (PDFFontFactory.open), and everything else is passed through.
 *
 * pdfkit scales a run's positions in place after layout, so each call gets its own copy of the
 * positions; the copy holds the same numbers, so the PDF bytes are the same as without the cache.
 * Glyph objects are shared: pdfkit only reads them.
 */
export function sharedLayoutFont(font: Font): Font {
  const known = wrapped.get(font);
  if (known) return known;
  const runs = new Map<string, GlyphRun>();
  const layout = (text: unknown, ...rest: unknown[]): GlyphRun => {
    // Only the call pdfkit makes for plain text (no features, script or direction) is remembered.
    if (typeof text !== "string" || rest.some((arg) => arg != null))
      return (font.layout as (...args: unknown[]) => GlyphRun)(text, ...rest);
    let run = runs.get(text);
    if (!run) {
      if (runs.size >= MAX_RUNS) runs.clear();
      run = font.layout(text);
      runs.set(text, run);
    }
    return copyRun(run);
  };
  const proxy = new Proxy(font, {
    get: (target, key, receiver) => (key === "layout" ? layout : Reflect.get(target, key, receiver)),
  });
  wrapped.set(font, proxy);
  return proxy;
}

/** Bounds the memory a long-lived server spends on remembered words. */
const MAX_RUNS = 200_000;

const wrapped = new WeakMap<Font, Font>();

function copyRun(run: GlyphRun): GlyphRun {
  const copy: GlyphRun = Object.assign(Object.create(Object.getPrototypeOf(run) as object) as GlyphRun, run);
  copy.positions = run.positions.map((p) =>
    Object.assign(Object.create(Object.getPrototypeOf(p) as object) as typeof p, p),
  );
  copy.glyphs = run.glyphs.slice();
  return copy;
}
