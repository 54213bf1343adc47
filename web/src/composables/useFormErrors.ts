import { ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { ApiError, lastPathSegment } from '../api/client';
import { describeError } from '../lib/errors';

export interface AlertState {
  message: string;
  requestId: string | null;
  /** Detail messages that have no form field to sit next to. */
  details: string[];
}

/** Field errors (keyed by API field name) plus one general alert, filled from an ApiError. */
export function useFormErrors() {
  const { t, te } = useI18n();
  const fieldErrors = ref<Record<string, string>>({});
  const alert = ref<AlertState | null>(null);

  function clear() {
    fieldErrors.value = {};
    alert.value = null;
  }

  /**
   * Show an error. `fields` lists the field names the form displays; details for other
   * paths are listed in the alert instead, unless `shownElsewhere` says the form shows them
   * some other way (e.g. next to one checkbox of a list).
   */
  function handle(error: unknown, fields: readonly string[] = [], shownElsewhere: (path: string) => boolean = () => false) {
    const apiError = error instanceof ApiError ? error : null;
    fieldErrors.value = apiError ? apiError.fieldErrors() : {};
    const details = (apiError?.details ?? [])
      .filter((d) => !fields.includes(lastPathSegment(d.path)) && !shownElsewhere(d.path))
      .map((d) => d.message);
    alert.value = {
      message: describeError(error, (key) => (te(key) ? t(key) : null)),
      requestId: apiError?.requestId ?? null,
      details,
    };
  }

  function setField(name: string, message: string) {
    fieldErrors.value = { ...fieldErrors.value, [name]: message };
  }

  return { fieldErrors, alert, clear, handle, setField };
}
