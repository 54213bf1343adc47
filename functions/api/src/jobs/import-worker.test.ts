import { describe, expect, it } from 'vitest';
import { keys } from '@manabi/data';
import { importJobsStarted } from './import-worker.js';
import { jobIdForKey } from '../services/user-import-job.js';

const tenantId = '0123456789abcdef';
const job = (id: string) => ({ ...keys.importJob(tenantId, id, '2026-12-07T00:00:00.000Z'), entity: 'importJob', id, status: 'queued' });

describe('importJobsStarted', () => {
  it('starts each newly inserted job, with the company taken from its key', () => {
    const refs = importJobsStarted([
      { eventId: '1', eventName: 'INSERT', newImage: job('aaaaaaaaaaaaaaaa'), oldImage: null },
      { eventId: '2', eventName: 'MODIFY', newImage: { ...job('bbbbbbbbbbbbbbbb'), status: 'running' }, oldImage: job('bbbbbbbbbbbbbbbb') },
      { eventId: '3', eventName: 'INSERT', newImage: { ...job('cccccccccccccccc'), entity: 'user' }, oldImage: null },
      { eventId: '4', eventName: 'REMOVE', newImage: null, oldImage: job('dddddddddddddddd') },
    ]);
    expect(refs).toEqual([{ tenantId, jobId: 'aaaaaaaaaaaaaaaa' }]);
  });

  it('ignores a record whose key names no company', () => {
    expect(
      importJobsStarted([{ eventId: '1', eventName: 'INSERT', newImage: { pk: 'P#X', entity: 'importJob', id: 'x' }, oldImage: null }]),
    ).toEqual([]);
  });
});

describe('jobIdForKey', () => {
  it('gives the same id for the same key, a different one for another key, in the id alphabet', () => {
    expect(jobIdForKey('import-1')).toBe(jobIdForKey('import-1'));
    expect(jobIdForKey('import-1')).not.toBe(jobIdForKey('import-2'));
    expect(jobIdForKey('import-1')).toMatch(/^[0-9a-hjkmnp-tv-z]{16}$/);
  });
});
