import MarkdownIt, { type RendererRule, type StateCore, type Token } from 'markdown-it';
import { sanitizeLessonHtml } from './sanitize';

/**
 * Lesson texts and OJT instructions: Markdown (markdown-it, raw HTML off) turned into HTML that
 * DOMPurify then reduces to a strict allow-list (see sanitize.ts). Authoring syntax beyond
 * CommonMark + tables (documented to authors in the editor's help text):
 *
 * - `- [ ] task` / `- [x] done`: a checklist item, shown with a disabled checkbox;
 * - `![alt](file:<id>)`: an uploaded image, or the video player for an uploaded MP4;
 * - `[label](file:<id>)`: a link to an uploaded PDF or slides (opened in a new tab);
 * - a line holding only a YouTube or Vimeo URL: the video embedded without tracking cookies.
 */

/** An uploaded file a text may show, with the signed URL the server handed out for it. */
export interface LessonFile {
  id: string;
  name: string;
  kind: 'pdf' | 'pptx' | 'png' | 'jpeg' | 'webp' | 'gif' | 'mp4' | null;
  url: string | null;
}

export interface RenderOptions {
  /** Uploaded files by id (those the text refers to); a missing one shows as unavailable. */
  files?: ReadonlyMap<string, LessonFile>;
  /** Shifts headings down so a lesson's `#` sits below the page's own h1. */
  headingOffset?: number;
  /** Localised words the renderer writes itself. */
  labels?: { fileUnavailable: string; video: string };
}

const FILE_ID = /^file:([0-9a-z]{16})$/;
const DEFAULT_LABELS = { fileUnavailable: 'File unavailable', video: 'Video' };

/** A YouTube or Vimeo URL → its privacy-enhanced embed URL; anything else → null. */
export function videoEmbedUrl(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const host = url.hostname.toLowerCase();
  const youtubeId = (id: string | null | undefined) =>
    id && /^[A-Za-z0-9_-]{11}$/.test(id) ? `https://www.youtube-nocookie.com/embed/${id}` : null;
  if (host === 'youtu.be') return youtubeId(url.pathname.slice(1));
  if (['youtube.com', 'www.youtube.com', 'm.youtube.com', 'www.youtube-nocookie.com'].includes(host)) {
    if (url.pathname === '/watch') return youtubeId(url.searchParams.get('v'));
    const m = /^\/(?:embed|shorts|live)\/([^/]+)$/.exec(url.pathname);
    return m ? youtubeId(m[1]) : null;
  }
  if (host === 'vimeo.com' || host === 'www.vimeo.com' || host === 'player.vimeo.com') {
    const m = /^\/(?:video\/)?(\d{1,12})$/.exec(url.pathname);
    return m ? `https://player.vimeo.com/video/${m[1]}?dnt=1` : null;
  }
  return null;
}

function createRenderer(): InstanceType<typeof MarkdownIt> {
  const md = new MarkdownIt('default', { html: false, linkify: false, typographer: false, breaks: true });
  // Only web and mail links, and references to uploaded files, become links or images at all
  // (markdown-it's own check lets through more, e.g. relative paths); DOMPurify checks again.
  md.validateLink = (url) => /^(?:https?:\/\/|mailto:)/i.test(url) || FILE_ID.test(url);

  md.core.ruler.push('lesson_video_embeds', (state: StateCore) => {
    const tokens = state.tokens;
    for (let i = 0; i + 2 < tokens.length; i++) {
      const [open, inline, close] = [tokens[i]!, tokens[i + 1]!, tokens[i + 2]!];
      if (open.type !== 'paragraph_open' || inline.type !== 'inline' || close.type !== 'paragraph_close') continue;
      const src = videoEmbedUrl(inline.content);
      if (!src || /\s/.test(inline.content.trim())) continue;
      const embed = new state.Token('lesson_video_embed', 'iframe', 0);
      embed.attrSet('src', src);
      embed.block = true;
      tokens.splice(i, 3, embed);
    }
  });

  md.core.ruler.push('lesson_task_lists', (state: StateCore) => {
    const tokens = state.tokens;
    for (let i = 2; i < tokens.length; i++) {
      const inline = tokens[i]!;
      if (inline.type !== 'inline' || tokens[i - 1]!.type !== 'paragraph_open' || tokens[i - 2]!.type !== 'list_item_open') continue;
      const first = inline.children?.[0];
      const m = first?.type === 'text' ? /^\[([ xX])\](?:\s+|$)/.exec(first.content) : null;
      if (!first || !m) continue;
      first.content = first.content.slice(m[0].length);
      const box = new state.Token('lesson_task_checkbox', 'input', 0);
      box.meta = { checked: m[1] !== ' ' };
      inline.children!.unshift(box);
      tokens[i - 2]!.attrJoin('class', 'lesson-task');
    }
  });

  const rules = md.renderer.rules;
  rules.lesson_video_embed = (tokens, idx) =>
    `<div class="lesson-embed"><iframe src="${md.utils.escapeHtml(String(tokens[idx]!.attrGet('src')))}" title="video"></iframe></div>\n`;
  rules.lesson_task_checkbox = (tokens, idx) =>
    `<input type="checkbox" disabled${(tokens[idx]!.meta as { checked: boolean }).checked ? ' checked' : ''}> `;
  return md;
}

const md = createRenderer();

const escape = (text: string) => md.utils.escapeHtml(text);

/** Renders a text to sanitised HTML (safe as innerHTML: every element and attribute is on the allow-list). */
export function renderLesson(source: string, options: RenderOptions = {}): string {
  return sanitizeLessonHtml(renderLessonMarkup(source, options));
}

/**
 * The Markdown step alone (not yet sanitised; only renderLesson's output may reach the page).
 * Separate so its structure can be tested where no real browser DOM exists: DOMPurify needs one
 * (happy-dom's tree walking is not faithful enough to test a sanitiser; the sanitiser and the XSS
 * corpus are tested in Chromium, see test/browser/lesson-sanitizer.test.ts).
 */
export function renderLessonMarkup(source: string, options: RenderOptions = {}): string {
  const files = options.files ?? new Map<string, LessonFile>();
  const labels = options.labels ?? DEFAULT_LABELS;
  const offset = options.headingOffset ?? 1;
  const fileOf = (target: string) => {
    const m = FILE_ID.exec(target);
    return m ? { id: m[1]!, file: files.get(m[1]!) ?? null } : null;
  };
  const missing = (text: string) =>
    `<span class="lesson-file-missing">${escape(text ? `${text} (${labels.fileUnavailable})` : labels.fileUnavailable)}</span>`;
  const fileLink = (file: LessonFile, label: string) =>
    `<a class="lesson-file" href="${escape(file.url!)}">${escape(label || file.name)}</a>`;

  const env = {};
  const tokens = md.parse(source, env);
  for (const token of tokens) {
    if (token.type === 'heading_open' || token.type === 'heading_close') token.tag = `h${Math.min(6, Number(token.tag.slice(1)) + offset)}`;
  }
  const renderer = Object.create(md.renderer) as typeof md.renderer;
  renderer.rules = { ...md.renderer.rules };
  const image: RendererRule = (ts: Token[], idx) => {
    const token = ts[idx]!;
    const alt = renderer.renderInlineAsText(token.children ?? [], md.options, env);
    const src = String(token.attrGet('src') ?? '');
    const ref = fileOf(src);
    if (ref) {
      const file = ref.file;
      if (!file?.url || !file.kind) return missing(alt);
      if (file.kind === 'mp4')
        return `<video class="lesson-video" controls preload="metadata" src="${escape(file.url)}" title="${escape(alt || labels.video)}"></video>`;
      if (file.kind === 'pdf' || file.kind === 'pptx') return fileLink(file, alt);
      return `<img src="${escape(file.url)}" alt="${escape(alt)}" loading="lazy">`;
    }
    if (/^https:\/\//i.test(src)) return `<img src="${escape(src)}" alt="${escape(alt)}" loading="lazy">`;
    return escape(alt);
  };
  let openFileLink: string | null = null;
  const linkOpen: RendererRule = (ts, idx, opts, _env, self) => {
    const ref = fileOf(String(ts[idx]!.attrGet('href') ?? ''));
    if (!ref) return self.renderToken(ts, idx, opts);
    if (!ref.file?.url) {
      openFileLink = 'missing';
      return '<span class="lesson-file-missing">';
    }
    openFileLink = 'file';
    return `<a class="lesson-file" href="${escape(ref.file.url)}">`;
  };
  const linkClose: RendererRule = (ts, idx, opts, _env, self) => {
    if (openFileLink === null) return self.renderToken(ts, idx, opts);
    const closing = openFileLink === 'missing' ? ` (${escape(labels.fileUnavailable)})</span>` : '</a>';
    openFileLink = null;
    return closing;
  };
  renderer.rules.image = image;
  renderer.rules.link_open = linkOpen;
  renderer.rules.link_close = linkClose;
  return renderer.render(tokens, md.options, env);
}
