import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../api/client';
import type { Branding, PublicBranding } from '../api/types';
import { apiError, fakeApi, json, type FakeHandler } from '../testing/fakeApi';
import { makeUser } from '../testing/fixtures';
import { useAuthStore } from './auth';
import { useBrandingStore } from './branding';

const HOST: PublicBranding = {
  productName: 'ひかりラーニング',
  primaryColor: '#0f766e',
  accentColor: null,
  logoUrl: '/api/assets/v/v1/logo-abc.png',
  faviconUrl: '/api/assets/v/v1/favicon-abc.ico',
  signInText: null,
  supportEmail: 'support@hikari.example.jp',
  selfSignup: false,
};

const MINE: Branding = {
  productName: 'さくらアカデミー',
  primaryColor: '#b91c1c',
  accentColor: '#f59e0b',
  logoUrl: '/api/assets/t/t1/logo-def.png',
  faviconUrl: null,
  signInText: null,
  supportEmail: 'support@hikari.example.jp',
};

const session = () => json(200, { accessToken: 'tok', expiresIn: 900, user: makeUser() });

function configure(routes: Record<string, FakeHandler>) {
  api.configure({ fetch: fakeApi({ 'GET /api/branding': () => json(200, HOST), ...routes }) });
}

describe('branding store', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it("applies the host's brand and whether sign-up is open here", async () => {
    configure({});
    const branding = useBrandingStore();
    expect(branding.ready).toBe(false);
    expect(branding.selfSignup).toBe(false);

    await branding.load();

    expect(branding.ready).toBe(true);
    expect(branding.productName).toBe('ひかりラーニング');
    expect(branding.logoUrl).toBe('/api/assets/v/v1/logo-abc.png');
    expect(branding.selfSignup).toBe(false);
    expect(document.documentElement.style.getPropertyValue('--brand-color')).toBe('#0f766e');

    configure({ 'GET /api/branding': () => json(200, { ...HOST, selfSignup: true }) });
    await branding.load();
    expect(branding.selfSignup).toBe(true);
  });

  it('keeps sign-up closed and is ready when the branding cannot be loaded', async () => {
    configure({ 'GET /api/branding': () => apiError(500, 'internal', 'boom') });
    const branding = useBrandingStore();
    await branding.load();
    expect(branding.ready).toBe(true);
    expect(branding.selfSignup).toBe(false);
    expect(branding.productName).toBe('');
  });

  it("shows the company's brand once signed in, even when the host's answers later", async () => {
    let answerHost: () => void = () => {};
    configure({
      'GET /api/branding': () => new Promise((resolve) => (answerHost = () => resolve(json(200, { ...HOST, selfSignup: true })))),
      'GET /api/branding/mine': () => json(200, MINE),
    });
    const branding = useBrandingStore();
    const host = branding.load();
    await branding.loadMine();
    expect(branding.productName).toBe('さくらアカデミー');
    expect(branding.scope).toBe('mine');

    answerHost();
    await host;
    expect(branding.productName).toBe('さくらアカデミー');
    expect(branding.primaryColor).toBe('#b91c1c');
    expect(branding.selfSignup).toBe(true);
  });
});

describe('branding and the session', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it("applies the company's brand after sign-in and goes back to the host's after sign-out", async () => {
    const asked: (string | null)[] = [];
    configure({
      'POST /api/auth/signin': session,
      'GET /api/branding/mine': ({ headers }) => {
        asked.push(headers.get('authorization'));
        return json(200, MINE);
      },
      'POST /api/auth/signout': () => json(204, null),
    });
    const branding = useBrandingStore();
    await branding.load();
    const auth = useAuthStore();

    await auth.signIn('hanako@example.co.jp', 'pw-1234567890');
    await vi.waitFor(() => expect(branding.productName).toBe('さくらアカデミー'));
    expect(asked).toEqual(['Bearer tok']);
    expect(branding.logoUrl).toBe('/api/assets/t/t1/logo-def.png');
    expect(document.documentElement.style.getPropertyValue('--brand-color')).toBe('#b91c1c');
    expect(branding.accentColor).toBe('#f59e0b');
    expect(document.documentElement.style.getPropertyValue('--brand-accent')).toBe('#f59e0b');

    await auth.signOut();
    expect(branding.productName).toBe('ひかりラーニング');
    expect(branding.logoUrl).toBe('/api/assets/v/v1/logo-abc.png');
    expect(document.documentElement.style.getPropertyValue('--brand-color')).toBe('#0f766e');
    // The host has no accent colour: the primary colour shows (the variable is removed).
    expect(branding.accentColor).toBeNull();
    expect(document.documentElement.style.getPropertyValue('--brand-accent')).toBe('');
  });

  it("applies the company's brand when the app starts with a session", async () => {
    configure({ 'POST /api/auth/refresh': session, 'GET /api/branding/mine': () => json(200, MINE) });
    const branding = useBrandingStore();
    await useAuthStore().init();
    await vi.waitFor(() => expect(branding.productName).toBe('さくらアカデミー'));
  });

  it('asks for no company brand when the app starts signed out', async () => {
    const mine = vi.fn(() => json(200, MINE));
    configure({ 'POST /api/auth/refresh': () => apiError(401, 'unauthorized', 'none'), 'GET /api/branding/mine': mine });
    await useAuthStore().init();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(mine).not.toHaveBeenCalled();
  });
});
