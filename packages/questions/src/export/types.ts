export interface ExportIssue {
  /** 1-based position of the question in the exported list. */
  index: number;
  title?: string;
  /** skipped: the question is not in the file. dropped: it is, without the parts listed. */
  code: 'skipped' | 'dropped';
  message: string;
}

export interface ExportResult {
  text: string;
  /** Number of questions written. */
  exported: number;
  /** Everything that is not in the file, question by question. */
  warnings: ExportIssue[];
}

export const issue = (index: number, title: string | undefined, code: ExportIssue['code'], message: string): ExportIssue => ({
  index,
  ...(title ? { title } : {}),
  code,
  message,
});
