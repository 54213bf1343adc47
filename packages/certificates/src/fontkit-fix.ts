import fontkit from '@pdf-lib/fontkit';

/**
 * `@pdf-lib/fontkit` 1.1.1 writes a TrueType subset's `loca` in the short format (offsets halved)
 * without padding glyph records to an even length, so after the first odd-length glyph every
 * offset is off by a byte and many glyphs render blank (text extraction still works, which hides
 * it). Upstream fontkit fixed this by padding; the same padding is applied here to each subset,
 * leaving the library itself untouched.
 */
interface TtfSubset {
  glyf?: Uint8Array[];
  offset?: number;
  _addGlyph?: (gid: number) => number;
}

function padGlyphs(subset: TtfSubset): void {
  const addGlyph = subset._addGlyph;
  if (typeof addGlyph !== 'function') return; // a CFF subset has no glyf table
  subset._addGlyph = function (gid: number) {
    const index = addGlyph.call(this, gid);
    const record = this.glyf![index]!;
    if (record.length % 2 === 1) {
      const Ctor = record.constructor as new (size: number) => Uint8Array;
      const padded = new Ctor(record.length + 1);
      padded.set(record);
      this.glyf![index] = padded;
      this.offset! += 1;
    }
    return index;
  };
}

type Fontkit = typeof fontkit;

/** fontkit as pdf-lib registers it, with subsets whose glyph records keep the short `loca` exact. */
export const paddedFontkit: Fontkit = {
  ...fontkit,
  create(...args: Parameters<Fontkit['create']>) {
    const font = fontkit.create(...args);
    const createSubset = font.createSubset.bind(font);
    font.createSubset = () => {
      const subset = createSubset();
      padGlyphs(subset as unknown as TtfSubset);
      return subset;
    };
    return font;
  },
};
