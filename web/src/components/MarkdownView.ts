import { computed, defineComponent, h, type PropType, type VNode } from 'vue';
import { parseMarkdown, type Block, type Inline } from '../lib/markdown';

function inline(nodes: Inline[]): (VNode | string)[] {
  return nodes.map((node) => {
    switch (node.type) {
      case 'text':
        return node.text;
      case 'code':
        return h('code', node.text);
      case 'break':
        return h('br');
      case 'strong':
        return h('strong', inline(node.children));
    }
  });
}

/**
 * Renders the Markdown subset of `lib/markdown` with h(): every piece of text is a text node, so
 * whatever the source contains is escaped. Headings are shifted down by `headingOffset` so a
 * lesson's `#` sits below the page's own h1.
 */
export default defineComponent({
  name: 'MarkdownView',
  props: {
    source: { type: String, required: true },
    headingOffset: { type: Number as PropType<number>, default: 1 },
    lang: { type: String as PropType<string | undefined>, default: undefined },
  },
  setup(props) {
    const blocks = computed(() => parseMarkdown(props.source));
    const block = (b: Block, index: number): VNode => {
      switch (b.type) {
        case 'heading':
          return h(`h${Math.min(6, b.level + props.headingOffset)}`, { key: index, class: 'markdown__heading' }, inline(b.children));
        case 'paragraph':
          return h('p', { key: index }, inline(b.children));
        case 'list':
          return h(
            b.ordered ? 'ol' : 'ul',
            { key: index, start: b.ordered && b.start !== 1 ? b.start : undefined },
            b.items.map((item, i) => h('li', { key: i }, inline(item))),
          );
      }
    };
    return () => h('div', { class: 'markdown', lang: props.lang, 'data-testid': 'markdown' }, blocks.value.map(block));
  },
});
