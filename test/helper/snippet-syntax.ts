// Resolves a VS Code snippet body (TextMate snippet syntax) to the text it inserts when every tab stop keeps its default.

export interface TabStop {
  index: number;
  defaultText: string;
  choices?: string[];
}

/** The inserted text, and each tab stop's default (mirrors of a placeholder insert its default too). */
export function resolveSnippet(body: string): { text: string; tabStops: TabStop[] } {
  const tabStops: TabStop[] = [];
  const nodes = parse(body, 0, false);
  if (nodes.end !== body.length) throw new Error(`Unexpected '}' at ${nodes.end} in snippet`);
  const defaults = new Map<number, string>();
  const collect = (list: Node[]): void => {
    for (const node of list) {
      if (typeof node === 'string') continue;
      const text = node.choices ? node.choices[0]! : render(node.children, new Map());
      if (node.choices || node.children.length > 0) {
        tabStops.push({ index: node.index, defaultText: text, ...(node.choices ? { choices: node.choices } : {}) });
        if (!defaults.has(node.index)) defaults.set(node.index, text);
      }
      collect(node.children);
    }
  };
  collect(nodes.list);
  return { text: render(nodes.list, defaults), tabStops };
}

type Node = string | { index: number; children: Node[]; choices?: string[] };

function render(list: Node[], defaults: Map<number, string>): string {
  return list
    .map((node) => {
      if (typeof node === 'string') return node;
      if (node.choices) return node.choices[0]!;
      if (node.children.length > 0) return render(node.children, defaults);
      return defaults.get(node.index) ?? '';
    })
    .join('');
}

function parse(body: string, start: number, nested: boolean): { list: Node[]; end: number } {
  const list: Node[] = [];
  let text = '';
  let i = start;
  const flush = (): void => {
    if (text) list.push(text);
    text = '';
  };
  while (i < body.length) {
    const char = body[i]!;
    if (char === '\\' && i + 1 < body.length && '$}\\'.includes(body[i + 1]!)) {
      text += body[i + 1];
      i += 2;
    } else if (char === '}' && nested) {
      break;
    } else if (char === '$') {
      const simple = /^\$(\d+)/.exec(body.slice(i));
      if (simple) {
        flush();
        list.push({ index: Number(simple[1]), children: [] });
        i += simple[0].length;
        continue;
      }
      const choice = /^\$\{(\d+)\|((?:[^|\\]|\\.)*)\|\}/.exec(body.slice(i));
      if (choice) {
        flush();
        const choices = choice[2]!.split(/(?<!\\),/).map((option) => option.replace(/\\(.)/g, '$1'));
        list.push({ index: Number(choice[1]), children: [], choices });
        i += choice[0].length;
        continue;
      }
      const placeholder = /^\$\{(\d+)(:|\})/.exec(body.slice(i));
      if (placeholder) {
        flush();
        i += placeholder[0].length;
        if (placeholder[2] === '}') {
          list.push({ index: Number(placeholder[1]), children: [] });
          continue;
        }
        const inner = parse(body, i, true);
        if (body[inner.end] !== '}') throw new Error(`Unclosed placeholder at ${i}`);
        list.push({ index: Number(placeholder[1]), children: inner.list });
        i = inner.end + 1;
        continue;
      }
      throw new Error(`Unescaped '$' (a variable or a typo) at ${i}: ${body.slice(i, i + 20)}`);
    } else {
      text += char;
      i++;
    }
  }
  flush();
  return { list, end: i };
}
