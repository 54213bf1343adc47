import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The one JSON line of the security figures from what each test file wrote (a figure a test did not get to is null). */
export function securityLine(dir: string, extra: Record<string, unknown>): string {
  const read = (name: string): Record<string, unknown> => {
    try {
      return JSON.parse(readFileSync(join(dir, name), 'utf8'));
    } catch {
      return {};
    }
  };
  const figures = { ...read('matrix.json'), ...read('fuzz.json'), ...read('concurrency.json'), ...read('faults.json') };
  const keys = [
    'routes',
    'route_actor_pairs',
    'requests',
    'problems',
    'fuzz_cases',
    'fuzz_seed',
    'lost_answers',
    'duplicated_answers',
    'load_learners',
    'load_answers',
    'attempt_mismatches',
    'report_mismatches',
    'fault_acknowledged_lost',
    'fault_acknowledged_before_stop',
    'fault_503_max_ms',
    'matrix_seconds',
  ];
  return JSON.stringify({ ...Object.fromEntries(keys.map((k) => [k, figures[k] ?? null])), ...extra });
}
