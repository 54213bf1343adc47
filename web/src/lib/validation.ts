/** Server-enforced minimum; checked client-side too so the hint and the error agree. */
export const MIN_PASSWORD_LENGTH = 10;
