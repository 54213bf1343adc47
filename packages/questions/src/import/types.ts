import type { Locale } from '@manabi/core';
import { detectLanguage, localizedTexts, relabelLanguage } from './language.js';
import { renderMessage, type MessageRef, type ParamValue, type QuestionMessageKey } from '../messages/render.js';
import { schemaIssueMessage } from '../messages/schema-issues.js';
import { questionSchema, type LocalizedText, type Question, type QuestionStatus, type SourceFormat, type SourceRef } from '../model.js';

export type ImportIssueCode =
  /** The whole file cannot be read (syntax error, wrong root element, too large). */
  | 'unreadable'
  /** The item is of a type / interaction Manabi does not support: not imported. */
  | 'unsupported_type'
  /** The item uses a feature that would change its meaning if dropped: not imported. */
  | 'unsupported_feature'
  /** The item's syntax is broken: not imported. */
  | 'syntax'
  /** The item is incomplete or inconsistent: not imported. */
  | 'invalid'
  /** Warning: the item is imported, but something in it was not kept (partial-credit weights, hints, images…). */
  | 'dropped'
  /** Warning: the item is imported, but looks suspicious (e.g. weights not adding up to 100%). */
  | 'suspicious'
  /** Warning about the file (unknown CSV column…). */
  | 'file';

export interface ImportIssue {
  /** 1-based item number (CSV: data row), or 'file' / 'header' for file-level issues. */
  item: number | 'file' | 'header';
  /** 1-based line in the file where the item starts (or where the syntax error is). */
  line?: number;
  /** CSV column name. */
  column?: string;
  /** The item's title / name when it has one, to help the admin find it. */
  name?: string;
  /** The file, when a batch holds several (QTI). */
  file?: string;
  code: ImportIssueCode;
  /** What to tell the person: a key of messages/catalog.ts and its values, worded per request language at the edge. */
  key: QuestionMessageKey;
  params: Record<string, ParamValue>;
  /** The message in English (logs, tests); people get `key` rendered in their language. */
  message: string;
}

/** The fields of an issue that say what happened. */
export const issueText = (ref: MessageRef): Pick<ImportIssue, 'key' | 'params' | 'message'> => ({
  key: ref.key,
  params: ref.params,
  message: renderMessage(ref, 'en'),
});

export type ImportedQuestion = Question & { sourceRef: SourceRef };

/**
 * The outcome of parsing a file. Parsing never writes anything: this *is* the dry run. The
 * caller shows it to the admin and stores `questions` only when they confirm.
 *
 * Every item that is not in `questions` has at least one entry in `errors` saying why.
 */
export interface ImportResult {
  format: SourceFormat;
  questions: ImportedQuestion[];
  errors: ImportIssue[];
  warnings: ImportIssue[];
  /** Number of items (questions in the file, categories excluded) that were not imported. */
  skipped: number;
  /** Number of items found (imported + skipped). */
  total: number;
  /** Images of the imported questions, named in their texts by `import:<ref>` tokens (see images.ts). */
  images: ImportedImage[];
}

/** An image read from an import file (Moodle <file>, a package's file, a data: URI), not stored yet. */
export interface ImportedImage {
  /** The number its tokens carry (`![alt](import:<ref>)`). */
  ref: number;
  /** The first item that uses it. */
  item: number;
  name: string;
  contentType: string;
  size: number;
  bytes: Uint8Array;
}

export interface ImportOptions {
  /**
   * Language of the question text in the file (GIFT, Moodle XML and QTI carry none). Default 'ja'.
   * 'auto': each item's language is read from its script (kana/kanji → ja, Latin → en), and
   * `fallbackLocale` (default 'ja') applies where the text has neither (numbers only).
   */
  locale?: Locale | 'auto';
  fallbackLocale?: Locale;
  /** Status given to imported questions. Default 'draft'. */
  status?: QuestionStatus;
  /** Skill tags added to every imported question (after the file's categories / tags). */
  skillTags?: string[];
  /** File name, recorded in each question's sourceRef. */
  fileName?: string;
  /** Refuse files with more items than this. Default 2000. */
  maxItems?: number;
}

export const DEFAULT_MAX_ITEMS = 2000;

/** A question as mapped from a source file, before `questionSchema` validates it in `ItemContext.finish`. */
export type Draft = Record<string, unknown>;

export interface ItemRef {
  line?: number;
  name?: string;
  /** The item's identifier in the source. */
  id?: string;
  /** The file the item comes from, when a batch holds several files (QTI). */
  file?: string;
}

/** Collects the result of one import, item by item. */
export class ImportCollector {
  readonly questions: ImportedQuestion[] = [];
  readonly errors: ImportIssue[] = [];
  readonly warnings: ImportIssue[] = [];
  readonly images: ImportedImage[] = [];
  private readonly failed = new Set<number>();
  private count = 0;

  constructor(
    readonly format: SourceFormat,
    readonly options: ImportOptions,
  ) {}

  /** The language texts are collected under while an item is read (relabelled in `finish` when 'auto'). */
  get locale(): Locale {
    const locale = this.options.locale ?? 'ja';
    return locale === 'auto' ? (this.options.fallbackLocale ?? 'ja') : locale;
  }

  /** Starts an item; returns a handle to report on it. */
  item(ref: ItemRef): ItemContext {
    this.count += 1;
    return new ItemContext(this, this.count, ref);
  }

  fileError(ref: MessageRef, line?: number, code: ImportIssueCode = 'unreadable'): void {
    this.errors.push({ item: 'file', ...(line !== undefined ? { line } : {}), code, ...issueText(ref) });
  }

  fileWarning(ref: MessageRef, item: 'file' | 'header' = 'file', column?: string): void {
    this.warnings.push({ item, ...(column !== undefined ? { column } : {}), code: 'file', ...issueText(ref) });
  }

  markFailed(item: number): void {
    this.failed.add(item);
  }

  result(): ImportResult {
    return {
      format: this.format,
      questions: this.questions,
      errors: this.errors,
      warnings: this.warnings,
      skipped: this.failed.size,
      total: this.count,
      // An image is kept when a question that was imported uses it.
      images: this.images.filter((image) => this.questions.some((q) => usesImport(q, image.ref))),
    };
  }
}

export class ItemContext {
  private readonly itemWarnings: ImportIssue[] = [];
  private failed = false;

  constructor(
    private readonly collector: ImportCollector,
    readonly index: number,
    readonly ref: ItemRef,
  ) {}

  get locale(): Locale {
    return this.collector.locale;
  }

  /** Text in the import language, or undefined when empty. */
  text(value: string | null | undefined): LocalizedText | undefined {
    const t = value?.trim();
    return t ? ({ [this.locale]: t } as LocalizedText) : undefined;
  }

  private issue(code: ImportIssueCode, ref: MessageRef, extra: { line?: number; column?: string } = {}): ImportIssue {
    const line = extra.line ?? this.ref.line;
    return {
      item: this.index,
      ...(line !== undefined ? { line } : {}),
      ...(extra.column !== undefined ? { column: extra.column } : {}),
      ...(this.ref.name !== undefined ? { name: this.ref.name } : {}),
      ...(this.ref.file !== undefined ? { file: this.ref.file } : {}),
      code,
      ...issueText(ref),
    };
  }

  /** The item is not imported. May be called several times (all reasons are reported). */
  error(code: ImportIssueCode, ref: MessageRef, extra: { line?: number; column?: string } = {}): void {
    this.failed = true;
    this.collector.markFailed(this.index);
    this.collector.errors.push(this.issue(code, ref, extra));
  }

  /** The item is imported, with something not kept or looking wrong. */
  warn(code: 'dropped' | 'suspicious', ref: MessageRef, extra: { column?: string } = {}): void {
    this.itemWarnings.push(this.issue(code, ref, extra));
  }

  /** Registers an image of this item (the same bytes twice → the same ref) and returns its ref. */
  addImage(image: { name: string; contentType: string; bytes: Uint8Array }): number {
    const same = this.collector.images.find((i) => i.size === image.bytes.length && i.bytes.every((b, k) => b === image.bytes[k]));
    if (same) return same.ref;
    const ref = this.collector.images.length + 1;
    this.collector.images.push({ ref, item: this.index, ...image, size: image.bytes.length });
    return ref;
  }

  get hasFailed(): boolean {
    return this.failed;
  }

  /** Validates and records the question (unless an error was already reported). */
  finish(input: Draft): ImportedQuestion | null {
    if (this.failed) return null;
    const opts = this.collector.options;
    if (opts.locale === 'auto') {
      // An image token's target ("file:…", "import:3") is not language; its alt text is.
      const texts = localizedTexts(input, this.locale).map((t) => t.replace(/\]\((file|import):[0-9a-z]+\)/g, ']'));
      const detected = detectLanguage(texts);
      if (detected) input = relabelLanguage(input, this.locale, detected);
    }
    const withSource = {
      ...input,
      status: opts.status ?? 'draft',
      skillTags: unique([...((input['skillTags'] as string[] | undefined) ?? []), ...(opts.skillTags ?? [])]),
      sourceRef: {
        format: this.collector.format,
        item: this.index,
        ...(this.ref.line !== undefined ? { line: this.ref.line } : {}),
        ...(this.ref.id ? { id: this.ref.id } : {}),
        ...((this.ref.file ?? opts.fileName) ? { file: this.ref.file ?? opts.fileName } : {}),
      },
    };
    const parsed = questionSchema.safeParse(withSource);
    if (!parsed.success) {
      for (const i of parsed.error.issues) this.error('invalid', schemaIssueMessage(i));
      return null;
    }
    const question = parsed.data as ImportedQuestion;
    this.collector.questions.push(question);
    this.collector.warnings.push(...this.itemWarnings);
    return question;
  }
}

const usesImport = (q: ImportedQuestion, ref: number): boolean => JSON.stringify(q).includes(`](import:${ref})`);

export function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

/** Option ids given to imported options: a, b, c, … z, then o27, o28, … */
export function optionIdAt(index: number): string {
  return index < 26 ? String.fromCharCode(97 + index) : `o${index + 1}`;
}

/** Returns a function giving the 1-based line number of a character offset in `text`. */
export function lineIndex(text: string): (offset: number) => number {
  const starts: number[] = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/**
 * A Moodle / GIFT category path as a skill tag: the context prefix ($course$, $system$,
 * $module$, $cat1$…) and Moodle's implicit "top" are removed, segments are trimmed and joined with "/".
 * "$course$/top/Default for X/Sub" → "Default for X/Sub".
 */
export function categoryToSkillTag(path: string): string | null {
  const segments = path
    .split('/')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (segments[0] && /^\$[a-z0-9]+\$$/i.test(segments[0])) segments.shift();
  if (segments[0] === 'top') segments.shift();
  const tag = segments.join('/');
  return tag === '' ? null : tag.slice(0, 100);
}

/** "50%", "-100%" for weights in messages. */
export const pct = (n: number): string => `${Math.round(n * 1000) / 1000}%`;
