export { createApp, type AppOptions } from './app.js';
export type { AppDeps, AppConfig, AppEnv, AuthClaims } from './env.js';
export { createSigner, generateKeys, localJwks, type KeyMaterial } from './auth/jwt.js';
export { routeAccess, undeclaredResponses } from './openapi.js';
export { REFRESH_COOKIE } from './routes/auth.js';
