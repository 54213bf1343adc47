import { randomId } from '@manabi/core';
import { putPendingFile } from '@manabi/data';
import type { LearningPackage } from '@manabi/upskilling';
import type { AppDeps } from '../env.js';
import { completeUpload, objectKeyOf } from '../services/files.js';
import { SEATING_CHART_ALT, seatingChartPng } from './demo-image.js';

/** Where the picture goes: after the seating rules of the business-manners lesson. */
const AFTER = { ja: 'お客様を上座へ案内する\n', en: 'guide guests there\n' } as const;

/**
 * Gives the demo company's business-manners lesson a picture: the seating chart is stored as an
 * uploaded file of the company (through the same content check as any upload) and shown in both
 * languages with `![alt](file:<id>)`.
 */
export async function withSeatingChart(deps: AppDeps, tenantId: string, pkg: LearningPackage, now: string): Promise<LearningPackage> {
  const owner = { kind: 'tenant', tenantId } as const;
  const png = seatingChartPng();
  const id = randomId();
  await putPendingFile(
    deps.data.platform,
    owner,
    {
      id,
      name: '応接室の席次.png',
      status: 'pending',
      size: png.length,
      kind: null,
      contentType: null,
      uploadedBy: 'seed',
      createdAt: now,
    },
    new Date(now),
  );
  await deps.objects.put(objectKeyOf(owner, id), { body: png, contentType: 'application/octet-stream' });
  await completeUpload(deps, owner, id);
  const place = (text: string | undefined, lang: 'ja' | 'en') =>
    text === undefined ? undefined : text.replace(AFTER[lang], `${AFTER[lang]}\n![${SEATING_CHART_ALT[lang]}](file:${id})\n`);
  return {
    ...pkg,
    modules: pkg.modules.map((m) =>
      m.kind === 'lesson' && m.id === 'business-manners'
        ? { ...m, body: { ...m.body, ja: place(m.body.ja, 'ja')!, ...(m.body.en === undefined ? {} : { en: place(m.body.en, 'en') }) } }
        : m,
    ),
  };
}
