/**
 * Memo tables for the analysis, keyed by the AST nodes, scopes and variables of one file.
 *
 * They are plain `Map`s emptied when the analysis of a file starts ({@link startFileMemos}), not
 * `WeakMap`s: a `WeakMap` entry per node of every file linted is an ephemeron the garbage collector
 * must trace, and on a corpus of real packages that tracing cost more than the lookups saved. A
 * memo only caches a pure answer about an object of the file, so a lookup made outside an analysis
 * (a rule's fix, the language server on an older file) is still right: it misses and recomputes.
 */
const tables: Array<Map<unknown, unknown>> = [];

/** A memo table keyed by objects of the file being analysed, emptied when the next file's analysis starts. */
export function fileMemo<K extends object, V>(): Map<K, V> {
  const table = new Map<K, V>();
  tables.push(table);
  return table;
}

/** Empties every memo table: called when the analysis of a file starts, so that a table holds one file at most. */
export function startFileMemos(): void {
  for (const t of tables) t.clear();
}
