import { msg } from '../messages/render.js';
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
        missing: msg('image.qti_single_file', { name: shown }),
      };
    }
    const path = resolveRelative(itemFile, src);
    const bytes = path === null ? undefined : files.get(path);
    if (!bytes)
      return {
        missing: path ? msg('image.qti_not_in_package_at', { name: shown, path }) : msg('image.qti_not_in_package', { name: shown }),
      };
    return { bytes, name: path!.split('/').pop() ?? shown };
  };
}
