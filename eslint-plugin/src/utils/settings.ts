import type { TSESLint } from '@typescript-eslint/utils';

/**
 * The project-wide knobs read from ESLint's `settings.retry`.
 *
 * ```js
 * settings: { retry: { sleepFunctions: ['waitFor'], retryFunctions: ['withRetries'],
 *   idempotencyKeyHeaders: ['X-Request-Id'], nonIdempotentMethods: ['POST', 'PATCH'] } }
 * ```
 */
export interface RetrySettings {
  /** Extra names of functions that wait; their first argument is the delay in milliseconds. */
  sleepFunctions: string[];
  /** Names of the project's own retry wrappers; calls to them count as opting into retrying. */
  retryFunctions: string[];
  /** Header (or option) names that carry an idempotency key, compared case-insensitively. Default `Idempotency-Key`. */
  idempotencyKeyHeaders: string[];
  /** HTTP methods treated as non-idempotent (upper case). Default POST and PATCH (RFC 9110 §9.2.2). */
  nonIdempotentMethods: string[];
}

/** Defaults of `settings.retry`. */
export const DEFAULT_SETTINGS: Readonly<RetrySettings> = Object.freeze({
  sleepFunctions: [],
  retryFunctions: [],
  idempotencyKeyHeaders: ['Idempotency-Key'],
  nonIdempotentMethods: ['POST', 'PATCH'],
});

function stringList(value: unknown, fallback: readonly string[]): string[] {
  if (!Array.isArray(value)) return [...fallback];
  const out = value.filter((v): v is string => typeof v === 'string' && v.length > 0);
  return out.length > 0 || value.length === 0 ? out : [...fallback];
}

/**
 * Reads `settings.retry`, ignoring entries of the wrong type (settings are not schema-checked
 * by ESLint, so a bad value falls back to the default instead of throwing).
 */
export function readSettings(settings: TSESLint.SharedConfigurationSettings | undefined): RetrySettings {
  const raw: unknown = settings?.['retry'];
  const obj = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  return {
    sleepFunctions: stringList(obj['sleepFunctions'], DEFAULT_SETTINGS.sleepFunctions),
    retryFunctions: stringList(obj['retryFunctions'], DEFAULT_SETTINGS.retryFunctions),
    idempotencyKeyHeaders: stringList(obj['idempotencyKeyHeaders'], DEFAULT_SETTINGS.idempotencyKeyHeaders),
    nonIdempotentMethods: stringList(obj['nonIdempotentMethods'], DEFAULT_SETTINGS.nonIdempotentMethods).map((m) => m.toUpperCase()),
  };
}

/** A stable key of the settings, so the memoised analysis is recomputed when they differ. */
export function settingsKey(s: RetrySettings): string {
  return JSON.stringify(s);
}
