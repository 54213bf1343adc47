/**
 * What a rendered lesson may contain, checked in the page (stated here on its own, from the
 * product's rules, not read from the sanitiser): allowed elements and attributes, web/mail links,
 * https or signed-file media, and frames only to the two cookie-less video players.
 * `inspectLessonHtml` runs inside Chromium (serialised by playwright), so it is self-contained.
 */
export function inspectLessonHtml(root: ParentNode): string[] {
  const TAGS = new Set(
    'h1 h2 h3 h4 h5 h6 p br hr ul ol li strong em s code pre blockquote table thead tbody tr th td a img video iframe div span input'.split(
      ' ',
    ),
  );
  const ATTRS = new Set(
    'href title alt src class start type checked disabled controls preload loading target rel sandbox referrerpolicy allow allowfullscreen'.split(
      ' ',
    ),
  );
  const EMBEDS = [/^https:\/\/www\.youtube-nocookie\.com\/embed\/[A-Za-z0-9_-]{11}$/, /^https:\/\/player\.vimeo\.com\/video\/\d+\?dnt=1$/];
  const problems: string[] = [];
  for (const el of Array.from(root.querySelectorAll('*'))) {
    const tag = el.localName;
    if (!TAGS.has(tag)) problems.push(`element <${tag}>`);
    for (const attr of Array.from(el.attributes)) {
      // Browsers ignore control characters and spaces inside a scheme ("java\tscript:"), so the check does too.
      const value = Array.from(attr.value)
        .filter((ch) => ch.charCodeAt(0) > 0x20)
        .join('')
        .toLowerCase();
      if (/^on/i.test(attr.name)) problems.push(`handler ${attr.name} on <${tag}>`);
      else if (!ATTRS.has(attr.name)) problems.push(`attribute ${attr.name} on <${tag}>`);
      if (/^(javascript|vbscript|data|file):/.test(value)) problems.push(`url ${attr.name}=${attr.value} on <${tag}>`);
    }
    const href = el.getAttribute('href');
    if (href !== null && !/^(https?:\/\/|mailto:|\/api\/objects\/file\?t=)/i.test(href)) problems.push(`link ${href}`);
    const src = el.getAttribute('src');
    if ((tag === 'img' || tag === 'video') && src !== null && !/^(https:\/\/|\/api\/objects\/file\?t=)/i.test(src))
      problems.push(`media ${src}`);
    if (tag === 'iframe') {
      if (!EMBEDS.some((re) => re.test(src ?? ''))) problems.push(`frame ${src}`);
      if (!el.hasAttribute('sandbox')) problems.push('frame without sandbox');
    }
    if (tag === 'input' && (el.getAttribute('type') !== 'checkbox' || !el.hasAttribute('disabled'))) problems.push('live input');
    if (tag === 'a' && /^https?:/i.test(href ?? '') && !(el.getAttribute('rel') ?? '').includes('noopener'))
      problems.push(`opener ${href}`);
  }
  return problems;
}
