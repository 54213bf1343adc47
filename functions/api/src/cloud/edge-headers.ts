/**
 * Headers between CloudFront and the API, shared by the API and the stack (SDK-free: infra imports
 * it). CloudFront adds the origin-verify header to every request it forwards; the API answers 403
 * without it (middleware/origin-verify.ts).
 */
export const ORIGIN_VERIFY_HEADER = 'x-origin-verify';
/** The JSON keys of the origin-verify secret: the value CloudFront sends, and the one before the last rotation. */
export const ORIGIN_VERIFY_KEYS = { current: 'current', previous: 'previous' } as const;
