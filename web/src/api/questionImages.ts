import { api } from './client';

/** A stored question image: put `![alt](file:<id>)` in the text; `url` serves it for a while (signed). */
export interface QuestionImage {
  id: string;
  url: string;
  contentType: string;
  size: number;
  name: string;
}

/** Accepted in the file picker (the server checks the bytes again). */
export const QUESTION_IMAGE_ACCEPT = 'image/png,image/jpeg,image/gif,image/webp';

/** Uploads an image for a question's stem or options (PNG, JPEG, GIF or WebP, at most 2 MB). */
export function uploadQuestionImage(file: File): Promise<QuestionImage> {
  return api.request<QuestionImage>('/api/question-images', { method: 'POST', blob: file, query: { name: file.name.slice(0, 200) } });
}
