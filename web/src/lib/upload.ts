/** Client-side checks on an image before it is uploaded; the server checks again. */

import { formatBytes } from './format.ts';

/** Image types the server accepts. */
export const ACCEPTED_TYPES = [
  'image/png',
  'image/jpeg',
  'image/webp',
  'image/gif',
  'image/bmp',
  'image/tiff',
] as const;

const ACCEPTED_EXTENSIONS = ['png', 'jpg', 'jpeg', 'webp', 'gif', 'bmp', 'tif', 'tiff'];

/** Value for `<input type=file accept>`: MIME types plus extensions, for browsers that lack a type for BMP/TIFF. */
export const ACCEPT_ATTRIBUTE = [...ACCEPTED_TYPES, ...ACCEPTED_EXTENSIONS.map((e) => `.${e}`)].join(',');

/** Returns a message explaining why the file can't be used, or null when it looks fine. */
export function checkUpload(
  file: { name: string; type: string; size: number },
  maxBytes: number,
): string | null {
  const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
  const typeOk = (ACCEPTED_TYPES as readonly string[]).includes(file.type.toLowerCase());
  // Some browsers report BMP as image/x-ms-bmp or give no type at all; trust the extension then.
  const extOk = (file.type === '' || file.type.startsWith('image/')) && ACCEPTED_EXTENSIONS.includes(ext);
  if (!typeOk && !extOk) {
    return `“${file.name}” isn’t a supported image. Use PNG, JPEG, WebP, GIF, BMP or TIFF.`;
  }
  if (file.size > maxBytes) {
    return `“${file.name}” is ${formatBytes(file.size)} — the limit is ${formatBytes(maxBytes)}. Try a smaller or compressed image.`;
  }
  if (file.size === 0) return `“${file.name}” is empty.`;
  return null;
}
