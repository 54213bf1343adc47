import { zipSync, strToU8 } from 'fflate';
import type { Client } from './client.js';
import { PNG_1x1 } from './vendors.js';

/** Files written here from the formats' own structure (no downloaded media). */
export const FIXTURES = {
  png: PNG_1x1,
  pdf: strToU8(
    '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
  ),
  /** An ISO base media file: an `ftyp` box (brand isom) and an empty `mdat` box. */
  mp4: Uint8Array.from([0, 0, 0, 24, ...strToU8('ftypisom'), 0, 0, 2, 0, ...strToU8('isomiso2'), 0, 0, 0, 8, ...strToU8('mdat')]),
  pptx: zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'ppt/presentation.xml': strToU8(
      '<?xml version="1.0"?><p:presentation xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"/>',
    ),
  }),
  /** A zip that is no presentation (a Word-like document). */
  docx: zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') }),
  html: strToU8('<!doctype html><script>parent.pwned = 1</script>'),
};

/** A PNG of `size` bytes: a real signature and header, then padding (its kind is decided by the head). */
export function pngOfSize(size: number): Uint8Array {
  const out = new Uint8Array(size);
  out.set(PNG_1x1.subarray(0, 33));
  return out;
}

export interface Uploaded {
  status: number;
  body: any;
  /** The status of the PUT to the signed upload URL. */
  putStatus?: number;
}

/** The SPA's one flow: start (a signed upload URL), PUT the bytes there, then ask the server to check them. */
export async function uploadFile(client: Client, name: string, bytes: Uint8Array): Promise<Uploaded> {
  const started = await client.post('/api/files', { name, size: bytes.length });
  if (started.status !== 201) return started;
  const put = await fetch(new URL(started.body.upload.url, client.baseUrl), {
    method: 'PUT',
    headers: started.body.upload.headers,
    body: bytes.slice(),
  });
  if (!put.ok) return { status: put.status, body: await put.json(), putStatus: put.status };
  const done = await client.post(`/api/files/${started.body.file.id}/complete`);
  return { ...done, putStatus: put.status };
}
