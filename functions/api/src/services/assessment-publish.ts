import { checkDrawRules } from '@manabi/assessment';
import { isId, LEVEL_LABELS, type Level } from '@manabi/core';
import { inAdaptiveLevels, type AssessmentInput, type AssessmentSnapshot, type SnapshotItem } from '@manabi/assessment';
import { getQuestionHead, getTenantAccount, listPublishedBySkill, type Owner, type PlatformDb } from '@manabi/data';
import { isAdaptiveType, isUnscored } from '@manabi/questions';
import { ApiError, type Detail } from '../errors.js';
import type { Text } from '../error-messages.js';
import { bankRef } from './content-owner.js';

/**
 * Freezes the pool an assessment draws from: the published questions (id, version, skills, level,
 * IRT parameters) of its banks for the skills it uses. Starting an attempt then reads only this.
 * A fixed form whose rules the pool cannot meet exactly is refused here, not at a learner's start.
 */
export async function buildSnapshot(
  db: PlatformDb,
  /** The company publishing; null when a vendor checks its templates (then `scope` names the banks). */
  tenantId: string | null,
  a: AssessmentInput,
  version: number,
  /** Whose banks bare ids and `vendor:` name; a company's by default (a vendor checks its templates with its own). */
  scope?: { home: Owner; vendorId: string | null },
): Promise<{ snapshot: AssessmentSnapshot; questionCount: number | null }> {
  const skills = a.mode === 'adaptive' ? a.adaptive!.skills : [...new Set(a.fixed!.draws.map((d) => d.skill))];
  const pool = new Map<string, SnapshotItem>();
  // A company may draw from its vendor's banks; the vendor is the company's own, never the request's.
  if (!scope && !tenantId) throw new Error('buildSnapshot needs a company or a scope');
  const home: Owner = scope?.home ?? { kind: 'tenant', tenantId: tenantId! };
  const vendorId =
    scope?.vendorId ??
    (a.bankIds.some((r) => r.startsWith('vendor:')) ? ((await getTenantAccount(db, tenantId!))?.vendorId ?? null) : null);
  const unknownBanks: Detail[] = [];
  for (const [i, ref] of a.bankIds.entries()) {
    const resolved = bankRef(ref, home, vendorId);
    if (!resolved) {
      unknownBanks.push({ path: `bankIds.${i}`, message: 'field.bank_not_offered' });
      continue;
    }
    const { owner, bankId } = resolved;
    for (const skill of skills) {
      for (const p of await listPublishedBySkill(db, owner, bankId, skill)) {
        pool.set(p.id, {
          id: p.id,
          owner: owner.kind,
          ...(owner.kind === 'vendor' ? { vendorId: owner.vendorId } : {}),
          version: p.version,
          type: p.type,
          skills: p.skills,
          level: p.level,
          irt: p.irt,
        });
      }
    }
  }
  if (unknownBanks.length) throw new ApiError(400, 'validation_error', 'validation_error.unknown_bank', unknownBanks);
  if (a.mode === 'fixed') {
    const details: Detail[] = [];
    const fixed = a.fixed!;
    for (const [i, id] of fixed.questionIds.entries()) {
      const head = tenantId && isId(id) ? await getQuestionHead(db, { kind: 'tenant', tenantId }, id) : null;
      if (!head || head.publishedVersion === null) {
        details.push({ path: `fixed.questionIds.${i}`, message: { key: 'field.question_not_published', params: { id } } });
        continue;
      }
      pool.set(id, {
        id,
        owner: 'tenant',
        version: head.publishedVersion,
        type: head.type,
        skills: head.publishedSkills,
        level: head.level,
        irt: head.irt,
      });
    }
    const explicit = new Set(fixed.questionIds);
    // A description is an information block the author places: draw rules count questions to answer.
    for (const p of [...pool.values()]) if (isUnscored(p.type) && !explicit.has(p.id)) pool.delete(p.id);
    const drawPool = [...pool.values()]
      .filter((p) => !explicit.has(p.id))
      .map((p) => ({ id: p.id, skills: p.skills, level: p.level as never }));
    for (const s of checkDrawRules(drawPool, fixed.draws)) {
      details.push({
        path: `fixed.draws.${s.rule}`,
        message: {
          key: 'field.draw_shortfall',
          params: { available: s.available, skill: s.skill, level: levelNote(s.level), wanted: s.wanted },
        },
      });
    }
    if (details.length > 0) throw new ApiError(400, 'draw_shortfall', 'draw_shortfall', details);
    const count = fixed.questionIds.length + fixed.draws.reduce((n, d) => n + d.count, 0);
    return { snapshot: { publishedVersion: version, settings: a, pool: [...pool.values()] }, questionCount: count };
  }
  const ad = a.adaptive!;
  // An adaptive test picks its next item from the answer just given: an essay (graded later by a
  // person) or a description (never scored) cannot inform that choice, so neither enters the pool.
  // A placement test names the levels it may serve (its level and the adjacent ones).
  for (const p of [...pool.values()]) if (!isAdaptiveType(p.type) || !inAdaptiveLevels(p, ad)) pool.delete(p.id);
  if (pool.size < ad.minItems) {
    throw new ApiError(400, 'draw_shortfall', 'draw_shortfall.adaptive', [
      { path: 'adaptive.skills', message: { key: 'field.adaptive_shortfall', params: { available: pool.size, needed: ad.minItems } } },
    ]);
  }
  return { snapshot: { publishedVersion: version, settings: a, pool: [...pool.values()] }, questionCount: null };
}

/** The level a draw rule asks for, as words in both languages (empty when any level will do). */
function levelNote(level: string | null | undefined): Text | string {
  const label = level ? LEVEL_LABELS[level as Level] : undefined;
  if (!label) return level ? ` (${level})` : '';
  return { ja: `（${label.ja}）`, en: ` (${label.en})` };
}
