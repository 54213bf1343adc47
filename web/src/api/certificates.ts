import { downloadResponse } from '../lib/download';
import { api } from './client';
import type { LocalizedText } from './types';

/** Certificates (修了証): the one module that knows their endpoints. */

export interface Certificate {
  userId: string;
  packageId: string;
  /** As printed: four groups of four (`7K3M-Q9XD-2FPA-W8RC`). */
  code: string;
  issuedAt: string;
  completedOn: string;
  recipientName: string;
  packageTitle: LocalizedText;
  verifyUrl: string;
}

export type CertificateLanguages = 'ja' | 'en' | 'ja+en';

export interface CertificateTemplate {
  languages: CertificateLanguages;
  title: { ja: string; en: string };
  body: { ja: string; en: string };
  signer: { name: string; title: string };
  /** null: the company's brand colour. */
  color: string | null;
}

export interface CertificateTemplateView {
  template: CertificateTemplate;
  hasLogo: boolean;
  hasSignature: boolean;
  brand: { name: string; color: string };
  companyName: string;
  updatedAt: string | null;
}

export type CertificateImageKind = 'logo' | 'signature';

/** The words a template may use (filled per certificate). */
export const CERTIFICATE_PLACEHOLDERS = ['name', 'package', 'date', 'company'] as const;

const seg = encodeURIComponent;

export const certificatesApi = {
  async listMine(): Promise<Certificate[]> {
    return (await api.get<{ items: Certificate[] }>('/api/me/certificates')).items;
  },
  async downloadMine(c: Pick<Certificate, 'packageId' | 'code'>): Promise<void> {
    await downloadResponse(await api.raw(`/api/me/certificates/${seg(c.packageId)}/pdf`), `certificate_${c.code}.pdf`);
  },

  getTemplate: () => api.get<CertificateTemplateView>('/api/certificate-template'),
  saveTemplate: (template: CertificateTemplate) => api.put<CertificateTemplateView>('/api/certificate-template', template),
  /** A sample PDF of a draft (nothing is saved). */
  async preview(template: CertificateTemplate, signal?: AbortSignal): Promise<Blob> {
    const init = signal ? { method: 'POST' as const, json: template, signal } : { method: 'POST' as const, json: template };
    return (await api.raw('/api/certificate-template/preview', init)).blob();
  },
  uploadImage: (kind: CertificateImageKind, file: Blob) => api.putBlob<CertificateTemplateView>(`/api/certificate-template/${kind}`, file),
  removeImage: (kind: CertificateImageKind) => api.delete<CertificateTemplateView>(`/api/certificate-template/${kind}`),

  async listOfPackage(packageId: string): Promise<Certificate[]> {
    return (await api.get<{ items: Certificate[] }>(`/api/packages/${seg(packageId)}/certificates`)).items;
  },
  async downloadOne(c: Pick<Certificate, 'packageId' | 'userId' | 'code'>): Promise<void> {
    await downloadResponse(
      await api.raw(`/api/packages/${seg(c.packageId)}/certificates/${seg(c.userId)}/pdf`),
      `certificate_${c.code}.pdf`,
    );
  },
  async downloadZip(packageId: string): Promise<void> {
    await downloadResponse(await api.raw(`/api/packages/${seg(packageId)}/certificates.zip`), `certificates_${packageId}.zip`);
  },

  /** Public: whether a code was issued (nothing else is told). */
  async verify(code: string): Promise<boolean> {
    return (await api.get<{ valid: boolean }>(`/api/certificates/verify/${seg(code)}`, undefined, { auth: false })).valid;
  },
};
