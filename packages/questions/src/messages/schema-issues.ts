import type { z } from 'zod';
import { msg, type MessageRef } from './render.js';

type Path = readonly PropertyKey[];

const at = (path: Path, i: number): number | null => (typeof path[i] === 'number' ? (path[i] as number) + 1 : null);

/** The field a schema issue is about, in the words the question editor uses (its number where it is one of a list). */
export function fieldOf(path: Path): MessageRef {
  const head = path[0];
  const n = at(path, 1);
  switch (head) {
    case 'stem':
      return msg('field.stem');
    case 'title':
      return msg('field.title');
    case 'options':
      return n === null ? msg('field.options') : msg('field.option', { number: n });
    case 'correctOptionIds':
      return msg('field.correct');
    case 'answer':
      return msg('field.answer');
    case 'accepted':
      return msg('field.accepted');
    case 'order':
      return msg('field.order');
    case 'prompts':
      return n === null ? msg('field.prompts') : msg('field.prompt', { number: n });
    case 'choices':
      return n === null ? msg('field.choices') : msg('field.choice', { number: n });
    case 'key':
      return msg('field.key');
    case 'blanks':
      return n === null ? msg('field.blanks') : msg('field.blank', { number: n });
    case 'rubric':
      return msg('field.rubric');
    case 'minWords':
    case 'maxWords':
      return msg('field.words');
    case 'graderNotes':
      return msg('field.graderNotes');
    case 'feedback':
      return msg('field.feedback');
    case 'explanation':
      return msg('field.explanation');
    case 'skillTags':
      return msg('field.skillTags');
    case 'level':
      return msg('field.level');
    case 'difficultyPrior':
      return msg('field.difficulty');
    default:
      return msg('field.question');
  }
}

/**
 * A question-schema issue as a message: the field in the person's words, and the rule it broke
 * (worded per language at the edge from zod's issue, see functions/api validation-messages.ts).
 */
export function schemaIssueMessage(issue: z.core.$ZodIssue): MessageRef {
  const path = issue.path.filter((p): p is string | number => typeof p === 'string' || typeof p === 'number');
  return msg('schema.field', {
    field: fieldOf(path),
    detail: { zod: { ...(issue as unknown as Record<string, unknown>), code: issue.code, message: issue.message, path } },
  });
}
