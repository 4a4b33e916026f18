// The `retry/scripts` processor: the `<script>` blocks of single-file components (Vue `.vue`,
// Svelte `.svelte`) linted as JavaScript or TypeScript. Each block becomes a virtual file of the
// same length as the component, with every character outside the block replaced by a space (line
// breaks kept), so that lines, columns and offsets are the component's own: findings need no
// mapping back and fixes apply to the component as they are.
import type { Linter } from 'eslint';

/** One `<script>` block of a component: where its content starts and ends, and the extension its `lang` gives. */
export interface ScriptBlock {
  /** Offset of the first character of the content (after the opening tag). */
  start: number;
  /** Offset just past the content (where `</script>` starts). */
  end: number;
  /** `ts`, `tsx`, `jsx` or `js`, from `lang="…"` (`js` when absent or unknown). */
  ext: 'js' | 'jsx' | 'ts' | 'tsx';
}

const OPEN_TAG = /<script\b([^>]*)>/gi;
const CLOSE_TAG = /<\/script\s*>/gi;

/**
 * The `<script>` blocks of a component's text, in order. A block whose `src` names another file, or
 * whose type is not JavaScript (`type="text/template"`, JSON), is left out; an unclosed block runs
 * to the end of the text.
 */
export function scriptBlocks(text: string): ScriptBlock[] {
  const out: ScriptBlock[] = [];
  OPEN_TAG.lastIndex = 0;
  for (let m = OPEN_TAG.exec(text); m; m = OPEN_TAG.exec(text)) {
    const attrs = m[1] ?? '';
    const start = m.index + m[0].length;
    CLOSE_TAG.lastIndex = start;
    const close = CLOSE_TAG.exec(text);
    const end = close ? close.index : text.length;
    OPEN_TAG.lastIndex = close ? close.index + close[0].length : text.length;
    if (/\bsrc\s*=/.test(attrs)) continue;
    const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attrs)?.[1]?.toLowerCase();
    if (type && !/^(module|text\/javascript|application\/javascript|text\/typescript|application\/typescript)$/.test(type)) continue;
    const lang = /\blang\s*=\s*["']?([^"'\s>]+)/i.exec(attrs)?.[1]?.toLowerCase();
    const ext = lang === 'ts' || lang === 'typescript' ? 'ts' : lang === 'tsx' ? 'tsx' : lang === 'jsx' ? 'jsx' : 'js';
    out.push({ start, end, ext });
  }
  return out;
}

/** `text` with everything outside `[start, end)` replaced by spaces, line breaks kept: same length, same lines. */
export function blankOutside(text: string, start: number, end: number): string {
  const blank = (s: string): string => s.replace(/[^\r\n]/g, ' ');
  return blank(text.slice(0, start)) + text.slice(start, end) + blank(text.slice(end));
}

/** The processor: one virtual file per `<script>` block (`0.ts`, `1.js`, …), findings passed through as they are. */
export const scripts: Linter.Processor = {
  meta: { name: 'retry/scripts', version: '1.0.0' },
  supportsAutofix: true,
  preprocess(text: string) {
    return scriptBlocks(text).map((b, i) => ({ text: blankOutside(text, b.start, b.end), filename: `${i}.${b.ext}` }));
  },
  postprocess(messages: Linter.LintMessage[][]) {
    return messages.flat();
  },
};
