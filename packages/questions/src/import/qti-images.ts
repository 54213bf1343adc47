import { mediaName } from './html.js';
import { resolveRelative, type FoundImage } from './media.js';

/** The files of a content package by their path in the zip. */
export type PackageFiles = ReadonlyMap<string, Uint8Array>;

/**
 * QTI names an image by a path relative to the item file (`<img src="images/x.png">`): in a
 * content package it is resolved against the item's folder. A single item file cannot carry its
 * images, so a relative image there refuses the item with a way forward (upload the package).
 */
export function qtiImageFinder(itemFile: string, files: PackageFiles | undefined): (src: string) => FoundImage {
  return (src) => {
    const shown = mediaName(src);
    if (!files) {
      return {
        missing: `The image "${shown}" is outside this XML file: upload the item's content package (zip with imsmanifest.xml and the image) to import it`,
      };
    }
    const path = resolveRelative(itemFile, src);
    const bytes = path === null ? undefined : files.get(path);
    if (!bytes) return { missing: `The image "${shown}" is not in the package${path ? ` (looked for ${path})` : ''}: not imported` };
    return { bytes, name: path!.split('/').pop() ?? shown };
  };
}
