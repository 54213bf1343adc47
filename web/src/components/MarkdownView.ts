import { computed, defineComponent, h, type PropType } from 'vue';
import { useI18n } from 'vue-i18n';
import { renderLesson, type LessonFile } from '../lib/markdown';

/**
 * A lesson text or OJT instructions, rendered by `lib/markdown` (markdown-it with raw HTML off,
 * then DOMPurify's strict allow-list). Only that sanitised output is set as innerHTML. Headings
 * are shifted down by `headingOffset` so a lesson's `#` sits below the page's own h1. Files the
 * text refers to (`file:<id>`) show from the signed URLs in `files`.
 */
export default defineComponent({
  name: 'MarkdownView',
  props: {
    source: { type: String, required: true },
    headingOffset: { type: Number as PropType<number>, default: 1 },
    lang: { type: String as PropType<string | undefined>, default: undefined },
    files: { type: Object as PropType<ReadonlyMap<string, LessonFile> | undefined>, default: undefined },
  },
  setup(props) {
    const { t } = useI18n();
    const html = computed(() =>
      renderLesson(props.source, {
        files: props.files,
        headingOffset: props.headingOffset,
        labels: { fileUnavailable: t('lessonContent.fileUnavailable'), video: t('lessonContent.video') },
      }),
    );
    return () => h('div', { class: 'markdown', lang: props.lang, 'data-testid': 'markdown', innerHTML: html.value });
  },
});
