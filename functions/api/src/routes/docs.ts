import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../env.js';

export const OPENAPI_INFO = {
  title: 'Manabi API',
  version: '0.1.0',
  description: 'Multi-tenant upskilling API. The tenant always comes from the verified token.',
};

interface Operation {
  summary?: string;
  description?: string;
  tags?: string[];
  'x-roles'?: string[] | 'public';
  parameters?: { name: string; in: string; required?: boolean }[];
  requestBody?: { content?: Record<string, unknown> };
  responses?: Record<string, { description?: string }>;
}

/** The OpenAPI document at /api/openapi.json and a readable page at /api/docs (works offline). */
export function registerDocsRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  app.doc31('/api/openapi.json', { openapi: '3.1.0', info: OPENAPI_INFO });

  app.get('/api/docs', (c) => {
    const doc = app.getOpenAPI31Document({ openapi: '3.1.0', info: OPENAPI_INFO });
    const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
    const sections = Object.entries(doc.paths ?? {})
      .flatMap(([path, item]) =>
        Object.entries(item as Record<string, Operation>).map(([method, op]) => {
          const roles = op['x-roles'] === 'public' ? 'public' : (op['x-roles'] ?? []).join(', ');
          const params = (op.parameters ?? []).map((p) => `${p.name} (${p.in}${p.required ? ', required' : ''})`).join(', ');
          const body = op.requestBody?.content ? Object.keys(op.requestBody.content).join(', ') : '';
          const responses = Object.entries(op.responses ?? {})
            .map(([code, r]) => `<li><code>${code}</code> ${esc(r.description ?? '')}</li>`)
            .join('');
          return `<section><h3><code>${method.toUpperCase()} ${esc(path)}</code></h3><p>${esc(op.summary ?? '')}</p>${
            op.description ? `<p>${esc(op.description)}</p>` : ''
          }<p><strong>Roles:</strong> ${esc(roles)}${params ? ` · <strong>Parameters:</strong> ${esc(params)}` : ''}${
            body ? ` · <strong>Body:</strong> ${esc(body)}` : ''
          }</p><ul>${responses}</ul></section>`;
        }),
      )
      .join('');
    return c.html(
      `<!doctype html><html lang="en"><meta charset="utf-8"><title>${OPENAPI_INFO.title}</title><style>body{font-family:system-ui;max-width:70rem;margin:2rem auto;padding:0 1rem;line-height:1.5}section{border-top:1px solid #ddd;padding:.5rem 0}code{background:#f4f4f5;padding:0 .25rem}</style><h1>${OPENAPI_INFO.title}</h1><p>${esc(OPENAPI_INFO.description)} Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a>. Errors always have the shape <code>{ error: { code, message, details: [{ path, message }] } }</code>.</p>${sections}</html>`,
    );
  });
}
