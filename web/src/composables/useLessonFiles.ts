import { computed, ref } from 'vue';
import { filesApi, fileMap, type LessonFileInfo } from '../api/files';
import { referencedFileIds } from '../lib/lessonFiles';

/**
 * The author's uploaded files while editing a package: their own (listed), plus any other file the
 * texts refer to that the author may read (a vendor's file in a copied package), all by signed URL.
 */
export function useLessonFiles() {
  const own = ref<LessonFileInfo[]>([]);
  const referenced = ref<LessonFileInfo[]>([]);
  const loaded = ref(false);
  const map = computed(() => fileMap([...referenced.value, ...own.value]));

  async function load(texts: string[]) {
    own.value = (await filesApi.list()).items;
    const ownIds = new Set(own.value.map((f) => f.id));
    const others = [...new Set(texts.flatMap(referencedFileIds))].filter((id) => !ownIds.has(id));
    referenced.value = others.length ? (await filesApi.links(others)).items : [];
    loaded.value = true;
  }

  async function upload(file: File, onProgress: (fraction: number) => void) {
    const uploaded = await filesApi.upload(file, onProgress);
    own.value = [uploaded, ...own.value];
    return uploaded;
  }

  async function remove(id: string) {
    await filesApi.remove(id);
    own.value = own.value.filter((f) => f.id !== id);
  }

  return { own, map, loaded, load, upload, remove };
}

export type LessonFiles = ReturnType<typeof useLessonFiles>;
