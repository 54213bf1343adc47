import { renderMessage, type MessageRef, type ParamValue, type QuestionMessageKey } from '../messages/render.js';
export interface ExportIssue {
  /** 1-based position of the question in the exported list. */
  index: number;
  title?: string;
  /** skipped: the question is not in the file. dropped: it is, without the parts listed. */
  code: 'skipped' | 'dropped';
  /** What to tell the person (messages/catalog.ts), worded per request language at the edge. */
  key: QuestionMessageKey;
  params: Record<string, ParamValue>;
  /** The message in English (logs, tests). */
  message: string;
}

export interface ExportResult {
  text: string;
  /** Number of questions written. */
  exported: number;
  /** Everything that is not in the file, question by question. */
  warnings: ExportIssue[];
}

export const issue = (index: number, title: string | undefined, code: ExportIssue['code'], ref: MessageRef): ExportIssue => ({
  index,
  ...(title ? { title } : {}),
  code,
  key: ref.key,
  params: ref.params,
  message: renderMessage(ref, 'en'),
});
