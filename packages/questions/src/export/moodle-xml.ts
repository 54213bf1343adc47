import { msg } from '../messages/render.js';
import type { Locale } from '@manabi/core';
import { XMLBuilder } from 'fast-xml-parser';
import { categoryToSkillTag } from '../import/types.js';
import type { LocalizedText, Question } from '../model.js';
import { issue, type ExportIssue, type ExportResult } from './types.js';
import { embeddedQuestionText } from './moodle-cloze.js';
import { excerpt, textToHtml, TextWriter } from './xml-text.js';
import { moodleImageField, type ExportImages } from './images.js';
import { hasImage, imagesAsAlt } from '../images.js';

export interface MoodleXmlExportOptions {
  /** Moodle XML has no language: the text in this locale is written (else the other one). */
  locale: Locale;
  /** The bytes of the images the questions show, by id (written as <file>s; see export/images.ts). */
  images?: ExportImages;
}

type XmlObject = Record<string, unknown>;

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  format: true,
  indentBy: '  ',
  suppressEmptyNode: true,
});

/**
 * Writes questions as a Moodle XML `<quiz>` (importable by Moodle and by `parseMoodleXml`).
 *
 * - single_choice / multiple_response → multichoice (fractions 100 / 0; multiple: 100÷N for each
 *   correct option and −100÷N for each wrong one, Manabi's partial credit), true_false →
 *   truefalse, short_text → shortanswer (`usecase` from caseSensitive; incorrect feedback on a
 *   `*` answer), numeric → numerical (value and tolerance), ordering → ordering (all items, all
 *   or nothing; the items are written in the correct order, as Moodle expects).
 * - matching → matching (a subquestion per prompt; a choice no prompt uses is a subquestion without
 *   text, Moodle's extra answer); cloze → cloze (Moodle's embedded answers in the question text:
 *   SHORTANSWER / SHORTANSWER_C, MULTICHOICE, NUMERICAL with its tolerance; question feedback not kept).
 * - Texts are written in the "html" format (escaped, paragraphs and line breaks kept); `title`
 *   (else the start of the stem) is the name, explanation → generalfeedback, feedback →
 *   correctfeedback / incorrectfeedback (truefalse, shortanswer, numerical: answer feedback).
 * - The first skill tag is written as a `<question type="category">` (`$course$/top/<tag>`),
 *   the others as `<tags>`. Moodle keeps a category until the next one, so questions without a
 *   category are written first.
 * Short answers containing "*" (a Moodle wildcard) are skipped; what Moodle XML cannot carry
 * (the other language, level, difficulty, all-or-nothing multiple response, ordering option
 * feedback, "<tag>"-like text in a title, control characters) is listed per question in `warnings`.
 */
export function exportMoodleXml(questions: Question[], options: MoodleXmlExportOptions): ExportResult {
  const warnings: ExportIssue[] = [];
  const written: { category: string | null; question: XmlObject }[] = [];
  questions.forEach((q, i) => {
    const index = i + 1;
    if (q.type === 'short_text' && q.accepted.some((a) => a.includes('*'))) {
      warnings.push(issue(index, q.title, 'skipped', msg('export.moodle_wildcard')));
      return;
    }
    const w = new TextWriter(options.locale);
    const html = (value: LocalizedText | undefined): XmlObject =>
      moodleImageField(value ? textToHtml(w.pick(value)) : '', options.images, w);
    const plain = (value: string): XmlObject => ({ '@format': 'moodle_auto_format', text: w.clean(value) });
    const stem = w.pick(q.stem);
    // Moodle and parseMoodleXml read a name with "<tag>"-like text as HTML and strip the tags.
    if (q.title && TAG.test(q.title)) w.lose(msg('lost.title_tag'));
    const head: XmlObject = {
      name: { text: q.title ? w.clean(q.title) : excerpt(imagesAsAlt(stem), `Question ${index}`) },
      questiontext: moodleImageField(textToHtml(stem), options.images, w),
      generalfeedback: html(q.explanation),
      defaultgrade: '1',
      penalty: q.type === 'true_false' ? '1' : '0.3333333',
      hidden: '0',
    };
    const combined = (): XmlObject => ({
      correctfeedback: html(q.feedback?.correct),
      partiallycorrectfeedback: html(undefined),
      incorrectfeedback: html(q.feedback?.incorrect),
    });
    /** shortanswer / numerical: the incorrect feedback goes on a `*` answer (any other response), worth nothing. */
    const otherwise = (): XmlObject[] =>
      q.feedback?.incorrect ? [{ '@fraction': '0', ...plain('*'), feedback: html(q.feedback.incorrect) }] : [];
    let body: XmlObject;
    let type: string;
    switch (q.type) {
      case 'single_choice':
      case 'multiple_response': {
        type = 'multichoice';
        const single = q.type === 'single_choice';
        const share = weight(100 / q.correctOptionIds.length);
        if (q.type === 'multiple_response' && !q.partialCredit) w.lose(msg('lost.all_or_nothing_moodle'));
        body = {
          single: String(single),
          shuffleanswers: 'true',
          answernumbering: 'abc',
          showstandardinstruction: '0',
          ...combined(),
          answer: q.options.map((o) => {
            const correct = q.correctOptionIds.includes(o.id);
            return {
              '@fraction': single ? (correct ? '100' : '0') : correct ? share : `-${share}`,
              ...html(o.text),
              feedback: html(o.feedback),
            };
          }),
        };
        break;
      }
      case 'true_false': {
        type = 'truefalse';
        // Moodle shows an answer's feedback when that answer is chosen.
        const answer = (value: boolean): XmlObject => ({
          '@fraction': value === q.answer ? '100' : '0',
          ...plain(String(value)),
          feedback: html(value === q.answer ? q.feedback?.correct : q.feedback?.incorrect),
        });
        body = { answer: [answer(true), answer(false)] };
        break;
      }
      case 'short_text':
        type = 'shortanswer';
        body = {
          usecase: q.caseSensitive ? '1' : '0',
          answer: [...q.accepted.map((a) => ({ '@fraction': '100', ...plain(a), feedback: html(q.feedback?.correct) })), ...otherwise()],
        };
        break;
      case 'numeric':
        type = 'numerical';
        body = {
          answer: [
            {
              '@fraction': '100',
              ...plain(String(q.answer.value)),
              tolerance: String(q.answer.tolerance),
              feedback: html(q.feedback?.correct),
            },
            ...otherwise(),
          ],
          unitgradingtype: '0',
          unitpenalty: '0.1000000',
          showunits: '3',
          unitsleft: '0',
        };
        break;
      case 'matching': {
        type = 'matching';
        const byId = new Map(q.choices.map((c) => [c.id, c]));
        const used = new Set(Object.values(q.key));
        // A prompt is an html text (its images go as files); an answer is plain text in Moodle, so an image there is its alt text.
        const answerText = (choice: LocalizedText): string => {
          const picked = w.pick(choice);
          if (hasImage(picked)) w.lose(msg('lost.matching_images'));
          return imagesAsAlt(picked);
        };
        const sub = (prompt: LocalizedText | undefined, choice: LocalizedText | undefined): XmlObject => ({
          ...moodleImageField(prompt ? textToHtml(w.pick(prompt)) : '', options.images, w),
          answer: { text: choice ? answerText(choice) : '' },
        });
        body = {
          shuffleanswers: 'true',
          ...combined(),
          subquestion: [
            ...q.prompts.map((p) => sub(p.text, byId.get(q.key[p.id] ?? '')?.text)),
            ...q.choices.filter((c) => !used.has(c.id)).map((c) => sub(undefined, c.text)),
          ],
        };
        break;
      }
      case 'cloze':
        type = 'cloze';
        // The stem's images go as files; inside a gap only text fits, so an option's image is its alt text.
        head['questiontext'] = moodleImageField(
          embeddedQuestionText(stem, q.blanks, (t) => {
            const picked = w.pick(t);
            if (hasImage(picked)) w.lose(msg('lost.blank_option_images'));
            return imagesAsAlt(picked);
          }),
          options.images,
          w,
        );
        if (q.feedback) w.lose(msg('lost.question_feedback'));
        body = {};
        break;
      case 'ordering': {
        type = 'ordering';
        if (q.options.some((o) => o.feedback)) w.lose(msg('lost.option_feedback'));
        const byId = new Map(q.options.map((o) => [o.id, o]));
        body = {
          layouttype: 'VERTICAL',
          selecttype: 'ALL',
          selectcount: String(q.options.length),
          gradingtype: 'ALL_OR_NOTHING',
          showgrading: 'SHOW',
          numberingstyle: 'none',
          ...combined(),
          // Moodle reads the correct order from the order of the answers (fraction = position).
          answer: q.order.map((id, n) => ({ '@fraction': String(n + 1), ...html(byId.get(id)?.text) })),
        };
        break;
      }
      case 'essay':
        type = 'essay';
        if (q.feedback) w.lose(msg('lost.question_feedback'));
        // Moodle questions have no rubric: the grade is out of the rubric's points, the criteria are lost.
        w.lose(msg('lost.rubric'));
        head.defaultgrade = String(q.rubric.reduce((n, c) => n + c.maxPoints, 0));
        head.penalty = '0';
        body = {
          responseformat: 'editor',
          responserequired: '1',
          responsefieldlines: '15',
          minwordlimit: q.minWords === undefined ? '' : String(q.minWords),
          maxwordlimit: q.maxWords === undefined ? '' : String(q.maxWords),
          attachments: '0',
          attachmentsrequired: '0',
          graderinfo: html(q.graderNotes),
          responsetemplate: html(undefined),
        };
        break;
      case 'description':
        type = 'description';
        if (q.feedback) w.lose(msg('lost.question_feedback'));
        head.defaultgrade = '0';
        head.penalty = '0';
        body = {};
        break;
    }
    const tags = q.skillTags.map((t) => w.clean(t)).filter((t) => t !== '');
    const first = tags[0];
    const category = first !== undefined && categoryToSkillTag(`$course$/top/${first}`) === first ? first : null;
    const otherTags = category === null ? tags : tags.slice(1);
    if (q.level) w.lose(msg('lost.level'));
    if (q.difficultyPrior !== null) w.lose(msg('lost.difficulty'));
    if (w.lost.length > 0) warnings.push(issue(index, q.title, 'dropped', msg('export.not_in_moodle', { lost: w.lost })));
    written.push({
      category,
      question: {
        '@type': type,
        ...head,
        ...body,
        ...(otherTags.length > 0 ? { tags: { tag: otherTags.map((text) => ({ text })) } } : {}),
      },
    });
  });

  // A category applies until the next category entry and there is no way back to "none":
  // questions without a category come first, so Moodle puts them in the category chosen at import.
  const ordered = [...written.filter((x) => x.category === null), ...written.filter((x) => x.category !== null)];
  const entries: XmlObject[] = [];
  let current: string | null = null;
  for (const { category, question } of ordered) {
    if (category !== null && category !== current) {
      entries.push({ '@type': 'category', category: { text: `$course$/top/${category}` } });
      current = category;
    }
    entries.push(question);
  }
  const xml = builder.build({ quiz: entries.length > 0 ? { question: entries } : '' }) as string;
  return { text: `<?xml version="1.0" encoding="UTF-8"?>\n${xml}`, exported: written.length, warnings };
}

const TAG = /<\/?[a-z][^>]*>/i;

/** Moodle writes fractions with 7 significant decimals of the 0..1 grade (33.33333 = 0.3333333). */
const weight = (w: number): string => String(Math.round(w * 1e5) / 1e5);
