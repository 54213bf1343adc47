/** A calendar date (YYYY-MM-DD) as a certificate prints it. */
export type CertificateLanguage = 'ja' | 'en';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function formatCertificateDate(date: string, lang: CertificateLanguage): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new Error(`Not a date: ${date}`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return lang === 'ja' ? `${year}年${month}月${day}日` : `${day} ${MONTHS[month - 1]} ${year}`;
}
