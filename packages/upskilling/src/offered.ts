import { matchesAudience, type Audience, type AudienceMember } from '@manabi/core';

/**
 * What a learner is offered: the items whose audience includes them, plus those they must keep
 * seeing whatever the audience says (assigned to them explicitly, or already started). HR sees
 * everything and does not go through this.
 */
export function offeredTo<T>(
  items: readonly T[],
  person: AudienceMember,
  audienceOf: (item: T) => Audience | null | undefined,
  keep: (item: T) => boolean = () => false,
): T[] {
  return items.filter((item) => keep(item) || matchesAudience(audienceOf(item), person));
}
