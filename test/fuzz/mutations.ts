// Mutations of retry shapes for the fuzz run (test/fuzz/fuzz.ts): each takes a program that parses
// and returns a variant written with one more construct the analysis must walk through without
// throwing (`satisfies`, `as`, `!`, `?.`, decorators, JSX, import-equals, `using`, private fields,
// async generators, labelled statements, comments everywhere), or undefined when the program has
// no place for it. The caller re-parses every variant and drops those that do not parse, so a
// mutation may be approximate about where its syntax is allowed.
import { parseForESLint } from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';

type Node = TSESTree.Node;

/** A program under mutation: its text, whether it needs JSX, and whether it is still plain JavaScript. */
export interface Program {
  text: string;
  jsx: boolean;
  /** Still JavaScript an ESLint default parser (espree) reads: no TypeScript-only syntax added. */
  js: boolean;
}

/** A random source in [0, 1), seeded by the caller. */
export type Random = () => number;

/** One mutation: its name and how it rewrites a program. */
export interface Mutation {
  name: string;
  apply(p: Program, ast: TSESTree.Program, rnd: Random): Program | undefined;
}

/** Parses with the TypeScript parser (ranges and tokens); undefined when the text does not parse. */
export function parseProgram(text: string, jsx: boolean): TSESTree.Program | undefined {
  try {
    const { ast, visitorKeys } = parseForESLint(text, { range: true, tokens: true, comment: true, jsx, sourceType: 'module', ecmaVersion: 'latest' });
    keys = visitorKeys as unknown as Record<string, readonly string[]>;
    return ast as unknown as TSESTree.Program;
  } catch {
    return undefined;
  }
}

/** The TypeScript parser's visitor keys (the same for every parse). */
let keys: Record<string, readonly string[]> = {};

/** Every node of the tree, parents set (`parent` is read by the mutations). */
function nodes(ast: TSESTree.Program): Node[] {
  const out: Node[] = [];
  const visit = (n: Node, parent: Node | undefined): void => {
    (n as { parent?: Node }).parent = parent;
    out.push(n);
    for (const key of keys[n.type] ?? []) {
      const v = (n as unknown as Record<string, unknown>)[key];
      for (const c of Array.isArray(v) ? v : [v]) if (c && typeof (c as Node).type === 'string') visit(c as Node, n);
    }
  };
  visit(ast, undefined);
  return out;
}

function pick<T>(items: readonly T[], rnd: Random): T | undefined {
  return items.length === 0 ? undefined : items[Math.floor(rnd() * items.length)];
}

function replace(text: string, node: { range: [number, number] }, by: string): string {
  return text.slice(0, node.range[0]) + by + text.slice(node.range[1]);
}

function insertAt(text: string, at: number, what: string): string {
  return text.slice(0, at) + what + text.slice(at);
}

const src = (p: Program, n: Node): string => p.text.slice(n.range[0], n.range[1]);

/** Expressions in value position: the places an `as`, `satisfies`, `!` or a JSX wrapper can go. */
function valueExpressions(ast: TSESTree.Program): Node[] {
  return nodes(ast).filter((n) => {
    if (!['Identifier', 'CallExpression', 'MemberExpression', 'Literal', 'BinaryExpression', 'AwaitExpression', 'NewExpression', 'ConditionalExpression', 'TemplateLiteral'].includes(n.type)) return false;
    const p = n.parent;
    if (!p) return false;
    switch (p.type) {
      case 'VariableDeclarator':
        return p.init === n;
      case 'AssignmentExpression':
        return p.right === n;
      case 'CallExpression':
      case 'NewExpression':
        return p.arguments.includes(n as TSESTree.CallExpressionArgument);
      case 'BinaryExpression':
      case 'LogicalExpression':
      case 'ReturnStatement':
      case 'AwaitExpression':
      case 'IfStatement':
      case 'WhileStatement':
      case 'ConditionalExpression':
      case 'ExpressionStatement':
      case 'ArrayExpression':
      case 'ThrowStatement':
        return !(p.type === 'ExpressionStatement' && n.type === 'Literal');
      case 'ForStatement':
        return p.test === n;
      case 'Property':
        return p.value === n && !p.shorthand && p.parent?.type === 'ObjectExpression';
      default:
        return false;
    }
  });
}

function wrapExpression(name: string, ts: boolean, wrap: (text: string) => string): Mutation {
  return {
    name,
    apply(p, ast, rnd) {
      const n = pick(valueExpressions(ast), rnd);
      if (!n) return undefined;
      return { ...p, text: replace(p.text, n, wrap(src(p, n))), js: p.js && !ts };
    },
  };
}

/** Function bodies (blocks), the places a statement can be added at the start of. */
function functionBodies(ast: TSESTree.Program): Array<TSESTree.BlockStatement & { parent: Node }> {
  return nodes(ast).filter((n): n is TSESTree.BlockStatement & { parent: Node } => n.type === 'BlockStatement' && !!n.parent && /Function/.test(n.parent.type));
}

/** Blocks of every kind (loop bodies, catch clauses, function bodies). */
function blocks(ast: TSESTree.Program): TSESTree.BlockStatement[] {
  return nodes(ast).filter((n): n is TSESTree.BlockStatement => n.type === 'BlockStatement');
}

const LOOPS = ['ForStatement', 'WhileStatement', 'DoWhileStatement', 'ForOfStatement', 'ForInStatement'];

const isAsync = (fn: Node | undefined): boolean => !!fn && 'async' in fn && (fn as { async: boolean }).async;

/** The mutations, in a fixed order (the seed picks among them). */
export const MUTATIONS: readonly Mutation[] = [
  wrapExpression('as', true, (t) => `(${t} as any)`),
  wrapExpression('satisfies', true, (t) => `(${t} satisfies unknown)`),
  wrapExpression('non-null', true, (t) => `(${t})!`),
  {
    name: 'optional-chain',
    apply(p, ast, rnd) {
      const candidates = nodes(ast).filter((n) => {
        const parent = n.parent;
        if (n.type !== 'MemberExpression' && n.type !== 'CallExpression') return false;
        if (n.type === 'CallExpression' && n.callee.type === 'Super') return false;
        if (n.type === 'MemberExpression' && n.object.type === 'Super') return false;
        if (!parent) return false;
        if (parent.type === 'AssignmentExpression' && parent.left === n) return false;
        if (parent.type === 'UpdateExpression' || parent.type === 'NewExpression' || parent.type === 'TaggedTemplateExpression') return false;
        if ((parent.type === 'ForOfStatement' || parent.type === 'ForInStatement') && parent.left === n) return false;
        return true;
      });
      const n = pick(candidates, rnd);
      if (!n) return undefined;
      let text: string;
      if (n.type === 'MemberExpression') {
        text = n.computed ? `${src(p, n.object)}?.[${src(p, n.property)}]` : `${src(p, n.object)}?.${src(p, n.property)}`;
      } else if (n.type === 'CallExpression') {
        const args = n.arguments.length ? p.text.slice(n.arguments[0]!.range[0], n.arguments[n.arguments.length - 1]!.range[1]) : '';
        const typeArgs = n.typeArguments ? src(p, n.typeArguments) : '';
        text = `${src(p, n.callee)}?.${typeArgs}(${args})`;
      } else return undefined;
      return { ...p, text: replace(p.text, n, text) };
    },
  },
  {
    name: 'decorators',
    apply(p, ast, rnd) {
      const decl = '\nconst __dec = (..._a: any[]) => (..._b: any[]): any => undefined;\n';
      const members = nodes(ast).filter((n): n is TSESTree.MethodDefinition | TSESTree.PropertyDefinition => (n.type === 'MethodDefinition' && n.kind === 'method') || n.type === 'PropertyDefinition');
      const member = pick(members, rnd);
      if (member && rnd() < 0.6) {
        const cls = member.parent?.parent;
        let text = insertAt(p.text, member.range[0], '@__dec({ retries: Infinity }) ');
        if (cls && cls.type === 'ClassDeclaration' && rnd() < 0.5) text = insertAt(text, cls.range[0], '@__dec() ');
        return { ...p, text: text + decl, js: false };
      }
      // No class: a decorated static method copied from a function declaration.
      const fn = pick(nodes(ast).filter((n): n is TSESTree.FunctionDeclaration => n.type === 'FunctionDeclaration' && !!n.id && !!n.body), rnd);
      if (!fn) return undefined;
      const head = `${fn.async ? 'async ' : ''}${fn.generator ? '*' : ''}`;
      return { ...p, text: `${p.text}${decl}@__dec() class __Decorated { @__dec({ retries: 3 }) static ${head}${p.text.slice(fn.id!.range[0], fn.range[1])} }\n`, js: false };
    },
  },
  {
    name: 'jsx',
    apply(p, ast, rnd) {
      if (rnd() < 0.5) {
        const body = pick(functionBodies(ast), rnd);
        if (!body) return undefined;
        return { ...p, jsx: true, text: insertAt(p.text, body.range[0] + 1, ' const __el = <div data-n={1} onClick={() => void 0}>{String(0)}<>{[1].map((k) => <i key={k} />)}</></div>; void __el; ') };
      }
      const n = pick(valueExpressions(ast), rnd);
      if (!n) return undefined;
      return { ...p, jsx: true, text: replace(p.text, n, `(<b title={String(1)}>{${src(p, n)}}</b>, ${src(p, n)})`) };
    },
  },
  {
    name: 'import-equals',
    apply(p, ast, rnd) {
      const req = ast.body.find(
        (s): s is TSESTree.VariableDeclaration =>
          s.type === 'VariableDeclaration' && s.declarations.length === 1 && s.declarations[0]!.id.type === 'Identifier' && s.declarations[0]!.init?.type === 'CallExpression' && s.declarations[0]!.init.callee.type === 'Identifier' && s.declarations[0]!.init.callee.name === 'require',
      );
      let text = p.text;
      if (req && rnd() < 0.5) {
        const d = req.declarations[0]!;
        return { ...p, js: false, text: replace(text, req, `import ${src(p, d.id)} = ${src(p, d.init!)};`) };
      }
      const block = pick(blocks(ast), rnd);
      if (block) text = insertAt(text, block.range[0] + 1, " if (!__fs.existsSync('x')) __fs.mkdirSync('x'); ");
      return { ...p, js: false, text: `import __fs = require('fs');\nimport __ns = __fs.constants;\n${text}` };
    },
  },
  {
    name: 'using',
    apply(p, ast, rnd) {
      const body = pick(blocks(ast).filter((b) => b.parent?.type !== 'StaticBlock' && b.parent?.type !== 'CatchClause' || rnd() < 0.5), rnd);
      if (!body) return undefined;
      let fn: Node | undefined = body.parent;
      while (fn && !/Function/.test(fn.type)) fn = fn.parent;
      const decl = isAsync(fn) && rnd() < 0.6 ? ' await using __ar = { async [Symbol.asyncDispose]() {} }; ' : ' using __r = { [Symbol.dispose]() {} }; ';
      return { ...p, js: false, text: insertAt(p.text, body.range[0] + 1, decl) };
    },
  },
  {
    name: 'private-fields',
    apply(p, ast, rnd) {
      const fn = pick(nodes(ast).filter((n): n is TSESTree.FunctionDeclaration => n.type === 'FunctionDeclaration' && !!n.id && !!n.body), rnd);
      if (fn) {
        const head = `${fn.async ? 'async ' : ''}${fn.generator ? '*' : ''}`;
        const name = fn.id!.name;
        const body = p.text.slice(fn.id!.range[1], fn.range[1]);
        return { ...p, text: `${p.text}\nclass __Private { #tries = 0; static #count = 0; ${head}#${name}${body} get tries() { return this.#tries + __Private.#count; } run(...a) { this.#tries++; return #tries in this ? this.#${name}(...a) : undefined; } }\n` };
      }
      const member = pick(nodes(ast).filter((n): n is TSESTree.PropertyDefinition => n.type === 'PropertyDefinition' && n.key.type === 'Identifier' && !n.computed), rnd);
      if (!member) return undefined;
      return { ...p, text: insertAt(p.text, member.range[0], '#fuzzPrivate = 1; static #fuzzStatic = 2; ') };
    },
  },
  {
    name: 'async-generator',
    apply(p, ast, rnd) {
      const fn = pick(nodes(ast).filter((n): n is TSESTree.FunctionDeclaration | TSESTree.FunctionExpression => (n.type === 'FunctionDeclaration' || n.type === 'FunctionExpression') && !n.generator && n.parent?.type !== 'MethodDefinition' && n.parent?.type !== 'Property'), rnd);
      if (!fn) return undefined;
      const at = p.text.indexOf('function', fn.range[0]);
      if (at < 0 || at >= fn.range[1]) return undefined;
      let text = insertAt(p.text, at + 'function'.length, '*');
      if (!fn.async) text = insertAt(text, at, 'async ');
      return { ...p, text };
    },
  },
  {
    name: 'labels',
    apply(p, ast, rnd) {
      const loop = pick(nodes(ast).filter((n) => LOOPS.includes(n.type) && n.parent?.type !== 'LabeledStatement'), rnd) as TSESTree.ForStatement | undefined;
      if (loop) {
        let text = p.text;
        if (loop.body.type === 'BlockStatement') text = insertAt(text, loop.body.range[0] + 1, ' if (__stop) continue __outer; ');
        text = insertAt(text, loop.range[0], '__outer: ');
        return { ...p, text: `let __stop = false;\n${text}` };
      }
      const st = pick(nodes(ast).filter((n) => n.type === 'ExpressionStatement' && n.parent?.type === 'BlockStatement'), rnd);
      if (!st) return undefined;
      return { ...p, text: replace(p.text, st, `__block: { if (Date.now() < 0) break __block; ${src(p, st)} }`) };
    },
  },
  {
    name: 'comments-everywhere',
    apply(p, ast, rnd) {
      const tokens = (ast.tokens ?? []).filter((t) => t.type !== 'JSXText');
      const comments = ['/* c */', '/**/', '/* retry: 3 */', '/* attempts++ */'];
      let text = p.text;
      // From the end, so earlier offsets stay right.
      for (let i = tokens.length - 1; i > 0; i--) {
        if (rnd() < 0.3) continue;
        text = insertAt(text, tokens[i]!.range[0], pick(comments, rnd)!);
      }
      return { ...p, text: `/* head */${text}// tail` };
    },
  },
];
