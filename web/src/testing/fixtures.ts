import type { User } from '../api/types';

export function makeUser(overrides: Partial<User> = {}): User {
  return {
    id: 'u1',
    name: '山田 花子',
    email: 'hanako@example.co.jp',
    role: 'tenant_admin',
    departmentId: null,
    departmentName: null,
    level: null,
    hireDate: null,
    status: 'active',
    locale: 'ja',
    emailVerified: true,
    createdAt: '2025-04-01T00:00:00Z',
    updatedAt: '2025-04-01T00:00:00Z',
    ...overrides,
  };
}
