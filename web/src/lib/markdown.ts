/**
 * A tiny Markdown subset for lesson texts and OJT instructions: headings, bulleted and numbered
 * lists, paragraphs (single line breaks kept), **bold** and `code`. It builds a tree that is
 * rendered with Vue's `h()` (see MarkdownView), so the text is always escaped: HTML in the source
 * shows up as text, never as markup, and there is no v-html anywhere.
 */

export type Inline =
  { type: 'text'; text: string } | { type: 'strong'; children: Inline[] } | { type: 'code'; text: string } | { type: 'break' };

export type Block =
  | { type: 'heading'; level: number; children: Inline[] }
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'list'; ordered: boolean; start: number; items: Inline[][] };

const HEADING = /^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/;
const BULLET = /^\s*[-*+]\s+(.*)$/;
const NUMBERED = /^\s*(\d{1,9})[.)]\s+(.*)$/;

/** `code` spans first, then **bold** / __bold__ inside the rest. */
export function parseInline(source: string): Inline[] {
  const out: Inline[] = [];
  const parts = source.split(/(`[^`]+`)/);
  for (const part of parts) {
    if (!part) continue;
    if (part.length > 2 && part.startsWith('`') && part.endsWith('`')) out.push({ type: 'code', text: part.slice(1, -1) });
    else out.push(...parseStrong(part));
  }
  return merge(out);
}

function parseStrong(source: string): Inline[] {
  const out: Inline[] = [];
  let rest = source;
  for (;;) {
    const match = /(\*\*|__)(?=\S)([\s\S]*?\S)\1/.exec(rest);
    if (!match) break;
    if (match.index > 0) out.push({ type: 'text', text: rest.slice(0, match.index) });
    out.push({ type: 'strong', children: [{ type: 'text', text: match[2]! }] });
    rest = rest.slice(match.index + match[0].length);
  }
  if (rest) out.push({ type: 'text', text: rest });
  return out;
}

/** Joins neighbouring text nodes. */
function merge(nodes: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    const last = out[out.length - 1];
    if (node.type === 'text' && last?.type === 'text') last.text += node.text;
    else out.push(node);
  }
  return out;
}

/** Lines of one paragraph or list item, joined by line breaks. */
function inlineLines(lines: string[]): Inline[] {
  const out: Inline[] = [];
  lines.forEach((line, i) => {
    if (i > 0) out.push({ type: 'break' });
    out.push(...parseInline(line.trim()));
  });
  return out;
}

export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  // Held in an object so TypeScript follows changes made by the helpers below.
  const state: { list: { ordered: boolean; start: number; items: string[][] } | null } = { list: null };

  const flushParagraph = () => {
    if (paragraph.length > 0) blocks.push({ type: 'paragraph', children: inlineLines(paragraph) });
    paragraph = [];
  };
  const flushList = () => {
    const list = state.list;
    if (list) blocks.push({ type: 'list', ordered: list.ordered, start: list.start, items: list.items.map(inlineLines) });
    state.list = null;
  };

  for (const line of lines) {
    if (line.trim() === '') {
      flushParagraph();
      flushList();
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      flushParagraph();
      flushList();
      blocks.push({ type: 'heading', level: heading[1]!.length, children: parseInline(heading[2]!) });
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    if (bullet || numbered) {
      flushParagraph();
      const ordered = numbered !== null;
      const text = bullet ? bullet[1]! : numbered![2]!;
      if (state.list && state.list.ordered === ordered) state.list.items.push([text]);
      else {
        flushList();
        state.list = { ordered, start: numbered ? Number(numbered[1]) : 1, items: [[text]] };
      }
      continue;
    }
    if (state.list && /^\s+/.test(line)) {
      // An indented line continues the last list item.
      state.list.items[state.list.items.length - 1]!.push(line);
      continue;
    }
    flushList();
    paragraph.push(line);
  }
  flushParagraph();
  flushList();
  return blocks;
}

/** The plain text of some inline nodes (for tests and summaries). */
export function inlineText(nodes: Inline[]): string {
  return nodes.map((n) => (n.type === 'text' || n.type === 'code' ? n.text : n.type === 'break' ? '\n' : inlineText(n.children))).join('');
}
