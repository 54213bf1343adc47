import { parse as parseYaml } from 'yaml';
import { LEVELS } from '@manabi/core';
import { packageSchema } from '@manabi/upskilling';
import { packageSourceSchema, toLearningPackage, type PackageSource } from './package.js';
import type { Failure, SourceFile } from './source.js';

/** One level package as loaded from content/packages/<level>.yaml. */
export interface LoadedPackage {
  file: string;
  source: PackageSource;
}

export interface LoadedPackages {
  packages: LoadedPackage[];
  failures: Failure[];
}

const FILE_PATTERN = /^([a-z_]+)\.ya?ml$/;

/**
 * Parses the package folder's files: each is one package (a YAML mapping) whose level is its file
 * name. Every problem is a failure; a file that does not parse is left out of `packages`.
 */
export function loadPackages(files: SourceFile[]): LoadedPackages {
  const packages: LoadedPackage[] = [];
  const failures: Failure[] = [];
  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    const fail = (message: string, where = file.path) => failures.push({ rule: 'package_schema', where, message });
    const level = FILE_PATTERN.exec(file.path)?.[1];
    if (!level || !(LEVELS as readonly string[]).includes(level)) {
      fail(`expected <level>.yaml with a level of ${LEVELS.join(', ')}`);
      continue;
    }
    let doc: unknown;
    try {
      doc = parseYaml(file.text, { uniqueKeys: true, prettyErrors: true });
    } catch (error) {
      fail(`YAML: ${(error as Error).message.split('\n')[0]}`);
      continue;
    }
    const parsed = packageSourceSchema.safeParse(doc);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) fail(`${issue.path.map(String).join('.') || '(package)'}: ${issue.message}`);
      continue;
    }
    if (parsed.data.level !== level) fail(`level: "${parsed.data.level}" in ${file.path}`);
    // The result must also be a learning package the API accepts (module ids, sizes, templates).
    const stored = packageSchema.safeParse(toLearningPackage(parsed.data, 'check', ['check']));
    // (A repeated module id is reported by the package check, with the module it repeats.)
    if (!stored.success)
      for (const issue of stored.error.issues.filter((x) => !x.message.startsWith('Duplicate module id')))
        fail(`${issue.path.map(String).join('.') || '(package)'}: ${issue.message}`);
    packages.push({ file: file.path, source: parsed.data });
  }
  return { packages, failures };
}
