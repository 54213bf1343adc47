/** Brand images (logo, favicon) as the API takes them: the raw file, at most 256 KB. */
export const MAX_IMAGE_BYTES = 256 * 1024;

export type ImageKind = 'logo' | 'favicon';

const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/svg+xml'];
export const IMAGE_TYPES: Record<ImageKind, readonly string[]> = {
  logo: LOGO_TYPES,
  favicon: [...LOGO_TYPES, 'image/x-icon', 'image/vnd.microsoft.icon'],
};

const BY_EXTENSION: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  svg: 'image/svg+xml',
  ico: 'image/x-icon',
};

/** What the file chooser's `accept` lists for a kind (types, and `.ico` for systems that give no type). */
export function acceptFor(kind: ImageKind): string {
  return [...IMAGE_TYPES[kind], ...(kind === 'favicon' ? ['.ico'] : [])].join(',');
}

/** The file's type, or (when the system gives none) the one its extension stands for. */
export function imageTypeOf(file: { name: string; type: string }): string {
  if (file.type) return file.type;
  const extension = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase();
  return (extension && BY_EXTENSION[extension]) || '';
}

export type ImageProblem = 'invalid_image' | 'image_too_large';

/** The body to send (the file, with its type made explicit when needed), or what is wrong with it. */
export function checkImage(file: File, kind: ImageKind): { body: Blob } | { problem: ImageProblem } {
  const type = imageTypeOf(file);
  if (!IMAGE_TYPES[kind].includes(type)) return { problem: 'invalid_image' };
  if (file.size > MAX_IMAGE_BYTES) return { problem: 'image_too_large' };
  return { body: type === file.type ? file : new Blob([file], { type }) };
}
