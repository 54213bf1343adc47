import { strToU8, zipSync, type Zippable } from 'fflate';

/** A zip of the given files (text or bytes), for tests. */
export function zipOf(files: Record<string, string | Uint8Array>): Uint8Array {
  const entries: Zippable = {};
  for (const [name, content] of Object.entries(files)) entries[name] = typeof content === 'string' ? strToU8(content) : content;
  return zipSync(entries);
}

export const manifest12 = (
  resources: string,
  item = '<item identifier="I1" identifierref="R1"><title>Lesson</title></item>',
) => `<?xml version="1.0"?>
<manifest identifier="m1" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="O1"><organization identifier="O1"><title>Course</title>${item}</organization></organizations>
  <resources>${resources}</resources>
</manifest>`;
