import { ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { ApiError } from '../api/client';
import { describeError } from '../lib/errors';
import type { AlertState } from './useFormErrors';

/**
 * `body.options[1].text` / `content.options.1.text` → `options.1.text`: the path inside the
 * object the form edits (the request envelope is left out).
 */
export function normalizePath(path: string): string {
  const parts = path.split(/[.[\]/]+/).filter((p) => p.length > 0);
  while (parts[0] === 'body' || parts[0] === 'content') parts.shift();
  return parts.join('.');
}

function isUnder(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}.`);
}

/**
 * Like useFormErrors, but keeps each API detail under its full path so nested fields
 * (`options.1.text`, `fixed.draws.2`) can show their own message.
 */
export function usePathErrors() {
  const { t, te } = useI18n();
  const errors = ref<Record<string, string[]>>({});
  const alert = ref<AlertState | null>(null);

  function clear() {
    errors.value = {};
    alert.value = null;
  }

  function add(path: string, message: string) {
    const key = normalizePath(path);
    errors.value = { ...errors.value, [key]: [...(errors.value[key] ?? []), message] };
  }

  /**
   * Show an error. `shown` tells which (normalized) paths the form displays next to a field;
   * the others are listed in the alert. `remap` adjusts a normalized path first (e.g. when the
   * request left out some rows, so indexes differ from the form's).
   */
  function handle(error: unknown, shown: (path: string) => boolean = () => false, remap: (path: string) => string = (path) => path) {
    const apiError = error instanceof ApiError ? error : null;
    errors.value = {};
    const details: string[] = [];
    for (const detail of apiError?.details ?? []) {
      const path = remap(normalizePath(detail.path));
      if (path && shown(path)) add(path, detail.message);
      else details.push(path ? `${path}: ${detail.message}` : detail.message);
    }
    alert.value = {
      message: describeError(error, (key) => (te(key) ? t(key) : null)),
      requestId: apiError?.requestId ?? null,
      details,
    };
  }

  /** Messages at exactly this path, joined. */
  function at(path: string): string | undefined {
    const messages = errors.value[path];
    return messages && messages.length > 0 ? messages.join(' ') : undefined;
  }

  /** Messages at this path or below it. */
  function under(prefix: string): string[] {
    return Object.entries(errors.value)
      .filter(([path]) => isUnder(path, prefix))
      .flatMap(([, messages]) => messages);
  }

  /** Messages at or below this path, joined (for a FormField `error`). */
  function joined(prefix: string): string | undefined {
    const messages = under(prefix);
    return messages.length > 0 ? messages.join(' ') : undefined;
  }

  function hasAny(): boolean {
    return Object.keys(errors.value).length > 0;
  }

  return { errors, alert, clear, add, handle, at, under, joined, hasAny };
}
