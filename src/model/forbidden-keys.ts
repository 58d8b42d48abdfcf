/** Keys that would reach an object's prototype if a consumer were careless: no record may hold them. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
