import { parse as parseYaml } from 'yaml';
import { LEVELS, type Level } from '@manabi/core';
import { defaultFramework } from '@manabi/upskilling';
import { parseItem, type CatalogItem } from './item.js';

/** One file of the catalog folder, its path relative to the folder (`new_hire/business-basics.yaml`). */
export interface SourceFile {
  path: string;
  text: string;
}

export interface LoadedItem extends CatalogItem {
  file: string;
  /** 1-based position in its file. */
  index: number;
}

export interface Failure {
  rule: string;
  where: string;
  message: string;
}

export interface LoadedCatalog {
  items: LoadedItem[];
  failures: Failure[];
}

/** The skills of the default framework by id (file names) with their tag (the Japanese name). */
export function frameworkSkills(): { id: string; tag: string; required: Partial<Record<Level, number>> }[] {
  return defaultFramework().categories.flatMap((c) => c.skills.map((s) => ({ id: s.id, tag: s.name.ja!, required: s.required })));
}

const FILE_PATTERN = /^([a-z_]+)\/([a-z0-9-]+)\.ya?ml$/;

/**
 * Parses the folder's files: each is a YAML sequence of items whose level is the folder's and
 * whose skill tags include the file's skill. Every problem is a failure (nothing is dropped quietly).
 */
export function loadCatalog(files: SourceFile[]): LoadedCatalog {
  const skills = new Map(frameworkSkills().map((s) => [s.id, s.tag]));
  const items: LoadedItem[] = [];
  const failures: Failure[] = [];
  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    const fail = (where: string, message: string) => failures.push({ rule: 'schema', where, message });
    const match = FILE_PATTERN.exec(file.path);
    const level = match?.[1] as Level | undefined;
    const skillTag = match ? skills.get(match[2]!) : undefined;
    if (!match || !level || !(LEVELS as readonly string[]).includes(level) || !skillTag) {
      fail(file.path, `expected <level>/<skill>.yaml with a level of ${LEVELS.join(', ')} and a skill id of the default framework`);
      continue;
    }
    let doc: unknown;
    try {
      doc = parseYaml(file.text, { uniqueKeys: true, prettyErrors: true });
    } catch (error) {
      fail(file.path, `YAML: ${(error as Error).message.split('\n')[0]}`);
      continue;
    }
    if (doc === null || doc === undefined) continue;
    if (!Array.isArray(doc)) {
      fail(file.path, 'a file is a YAML sequence of items (each starting with "- id:")');
      continue;
    }
    doc.forEach((raw, i) => {
      const where = `${file.path}#${i + 1}${idOf(raw)}`;
      const parsed = parseItem(raw);
      if (!parsed.ok) {
        for (const issue of parsed.issues) fail(where, issue);
        return;
      }
      const q = parsed.item.question;
      if (q.level !== level) fail(where, `level: "${q.level}" in the ${level}/ folder`);
      if (!q.skillTags.includes(skillTag)) fail(where, `skillTags: must include "${skillTag}" (the file's skill)`);
      for (const tag of q.skillTags)
        if (![...skills.values()].includes(tag)) fail(where, `skillTags: "${tag}" is not a skill of the default framework`);
      items.push({ ...parsed.item, file: file.path, index: i + 1 });
    });
  }
  return { items, failures };
}

const idOf = (raw: unknown): string =>
  typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'string' ? ` (${(raw as { id: string }).id})` : '';
