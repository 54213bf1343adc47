export * from './model.js';
export * from './learner-view.js';
export * from './scoring.js';
export * from './types/essay.js';
export * from './csv-columns.js';
export * from './import/types.js';
export { htmlToText } from './import/html.js';
export { parseQuestionCsv } from './import/csv.js';
export { parseGift } from './import/gift.js';
export { parseMoodleXml } from './import/moodle-xml.js';
export { parseQti, parseQtiItems } from './import/qti.js';
export { parseQtiPackage, isZip } from './import/qti-package.js';
export { decodeText, textPreview, TEXT_ENCODINGS, type DecodedText, type TextEncoding } from './import/decode.js';
export { detectLanguage } from './import/language.js';
export * from './images.js';
export * from './export/types.js';
export { exportQuestionCsv, type CsvExportOptions } from './export/csv.js';
export { exportGift, type GiftExportOptions } from './export/gift.js';
export { exportMoodleXml, type MoodleXmlExportOptions } from './export/moodle-xml.js';
export { exportQti, type QtiExportOptions, type QtiExportResult, type QtiFile } from './export/qti.js';
export * from './types/matching.js';
export * from './types/cloze.js';
export { QUESTION_MESSAGES } from './messages/catalog.js';
export {
  renderMessage,
  type MessageRef,
  type ParamValue,
  type QuestionMessageKey,
  type RenderOptions,
  type SchemaIssue,
} from './messages/render.js';
