import { api } from './client';
import type { QuestionBank, QuestionDetail, QuestionSummary } from './types';

/**
 * Questions of a bank whose title or stem contains `text` (the question picker's search). A bank
 * the caller authors is read from its own list; a catalog or vendor bank from the read-only one.
 */
export async function searchBankQuestions(
  bank: Pick<QuestionBank, 'id' | 'editable'>,
  text: string,
  limit = 20,
): Promise<QuestionSummary[]> {
  const base = bank.editable ? '/api/banks' : '/api/catalog/banks';
  const page = await api.get<{ items: QuestionSummary[] }>(`${base}/${encodeURIComponent(bank.id)}/questions`, {
    q: text.trim(),
    limit,
  });
  return page.items;
}

/** A platform catalog question's published version with its key and explanation (HR previews it before using it). */
export function getCatalogQuestion(id: string): Promise<QuestionDetail> {
  return api.get<QuestionDetail>(`/api/catalog/questions/${encodeURIComponent(id)}`);
}
