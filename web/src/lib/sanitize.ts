import DOMPurify, { type Config } from 'dompurify';

/**
 * The allow-list every rendered lesson passes through (after markdown-it, which already escapes
 * raw HTML). Whatever slips past the Markdown step, only these elements and attributes survive;
 * links go to the web or mail only; iframes only to the two cookie-less video players.
 */
const TAGS = [
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'p',
  'br',
  'hr',
  'ul',
  'ol',
  'li',
  'strong',
  'em',
  's',
  'code',
  'pre',
  'blockquote',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'a',
  'img',
  'video',
  'iframe',
  'div',
  'span',
  'input',
];
const ATTRS = ['href', 'title', 'alt', 'src', 'class', 'start', 'type', 'checked', 'disabled', 'controls', 'preload', 'loading'];

/** The only frames a lesson may hold: YouTube's and Vimeo's privacy-enhanced players (no tracking cookies). */
const EMBED_SRC = [
  /^https:\/\/www\.youtube-nocookie\.com\/embed\/[A-Za-z0-9_-]{11}$/,
  /^https:\/\/player\.vimeo\.com\/video\/\d{1,12}\?dnt=1$/,
];
/** Web and mail links; images and video also from the local server's signed file URLs. */
const URI = /^(?:https?:\/\/|mailto:|\/api\/objects\/file\?t=[A-Za-z0-9_.-]+$)/i;
const MEDIA_SRC = /^(?:https:\/\/|\/api\/objects\/file\?t=[A-Za-z0-9_.-]+$)/i;
/** The classes the renderer writes; content cannot borrow the app's own classes. */
const CLASSES = new Set(['lesson-embed', 'lesson-task', 'lesson-file', 'lesson-file-missing', 'lesson-video']);

const config: Config = {
  ALLOWED_TAGS: TAGS,
  ALLOWED_ATTR: ATTRS,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOWED_URI_REGEXP: URI,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  SANITIZE_DOM: true,
  SANITIZE_NAMED_PROPS: true,
  KEEP_CONTENT: true,
  RETURN_TRUSTED_TYPE: false,
};

let purifier: ReturnType<typeof DOMPurify> | null = null;

/** One DOMPurify instance of its own, so these hooks touch nothing else in the app. */
function lessonPurifier(): ReturnType<typeof DOMPurify> {
  if (purifier) return purifier;
  const p = DOMPurify(window);
  p.addHook('uponSanitizeElement', (node, data) => {
    const el = node as Element;
    if (data.tagName === 'iframe' && !EMBED_SRC.some((re) => re.test(el.getAttribute?.('src') ?? ''))) el.remove();
  });
  p.addHook('afterSanitizeAttributes', (node) => {
    const el = node as Element;
    const tag = el.tagName?.toLowerCase();
    if (el.hasAttribute('class')) {
      const kept = (el.getAttribute('class') ?? '').split(/\s+/).filter((c) => CLASSES.has(c));
      if (kept.length) el.setAttribute('class', kept.join(' '));
      else el.removeAttribute('class');
    }
    if (tag === 'a') {
      const href = el.getAttribute('href') ?? '';
      if (/^https?:\/\//i.test(href) || el.classList.contains('lesson-file')) {
        // Opened apart from the app: the new page gets no handle on it and no referrer.
        el.setAttribute('target', '_blank');
        el.setAttribute('rel', 'noopener noreferrer nofollow');
      } else if (!/^mailto:/i.test(href)) el.removeAttribute('href');
    }
    if ((tag === 'img' || tag === 'video') && !MEDIA_SRC.test(el.getAttribute('src') ?? '')) el.removeAttribute('src');
    if (tag === 'video') el.setAttribute('controls', '');
    if (tag === 'input') {
      // Only the checklist's box, never a field that could collect anything.
      for (const a of Array.from(el.attributes)) if (!['type', 'checked', 'disabled'].includes(a.name)) el.removeAttribute(a.name);
      el.setAttribute('type', 'checkbox');
      el.setAttribute('disabled', '');
    }
    if (tag === 'iframe') {
      el.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-presentation');
      el.setAttribute('referrerpolicy', 'strict-origin-when-cross-origin');
      el.setAttribute('allow', 'fullscreen; picture-in-picture; encrypted-media');
      el.setAttribute('allowfullscreen', '');
      el.setAttribute('loading', 'lazy');
    }
  });
  purifier = p;
  return p;
}

export function sanitizeLessonHtml(html: string): string {
  return lessonPurifier().sanitize(html, config) as string;
}
