import { inject } from 'vitest';

/**
 * Where the security tests leave their figures: the directory `npm run test:security` names
 * (MANABI_SECURITY_FIGURES), else the one the e2e global setup made for this run, whose teardown
 * prints them as the suite's security line.
 */
export const figuresDir = (): string | undefined => process.env.MANABI_SECURITY_FIGURES ?? inject('securityFiguresDir');
