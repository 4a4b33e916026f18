import { T } from '../node-types';
import { unwrap } from '../ast';
import { delayOfFunction } from '../delay';
import { normalPath } from '../scope';
import type { DelayFacts, Node, RetrySite } from '../types';
import { handlerDecision, parameterDecides, uncountedYes, replaceSuggestion, withUnknownBound } from './inspect';
import { countLimit } from './status-set';
import type { LibraryDocs } from './docs';
import { resolveFunction } from './option-state';
import type { LibraryAdapter, LibraryContext } from './types';
import { insertProperty, spliced } from './option-state';
import { operandText } from '../../utils/fixes';
import type { OptionsObject } from './util';
import type { LibrarySuggestion } from '../types';
import type { TSESTree } from '@typescript-eslint/utils';
import { librarySite, numberOption, opaqueDelay, readOption, resolveObject, scheduleDelay } from './util';

/**
 * Apollo Client's `new RetryLink({ delay, attempts })` (`@apollo/client/link/retry`, 3.x and
 * 4.x; `apollo-link-retry` for Apollo 2). Defaults (`link/retry/delayFunction.js`,
 * `retryFunction.js`, unchanged from 2.x to 4.x): `attempts.max` 5, `retryIf` every network
 * error, for every operation (mutations included); `delay.initial` 300 ms doubling per attempt,
 * `delay.max` Infinity, `delay.jitter` true (full jitter).
 */

const PACKAGES = ['@apollo/client/link/retry', '@apollo/client', 'apollo-link-retry'];
const DEFAULTS = { max: 5, initial: 300, delayMax: Infinity, jitter: true };

export const docs: LibraryDocs = {
  package: '@apollo/client',
  api: '`new RetryLink({ delay, attempts })` from `@apollo/client/link/retry` (and `apollo-link-retry`)',
  versionAssumed: '@apollo/client 3.x and 4.x (RetryLink defaults unchanged since apollo-link-retry 2.x)',
  defaults: [
    '`attempts.max: 5`; `retryIf`: every network error, of every operation, mutations included',
    '`delay.initial: 300` ms doubling per attempt, `delay.max: Infinity`, `delay.jitter: true` (full jitter)',
    'Retry-After: not read',
  ],
  checks: [
    { rule: 'require-idempotency-key', when: 'mutations are retried: no `retryIf` (or `attempts` function) whose answer depends on the operation (a read only for logging does not count); suggests skipping mutations (Apollo Client 4 `operation.operationType`).' },
    { rule: 'no-unbounded-retry', when: '`attempts.max: Infinity`, an `attempts` function returning `true` without reading the count; suggests `max: 5`.' },
    { rule: 'require-jitter', when: '`delay.jitter: false`; a `delay` function without randomness.' },
    { rule: 'require-max-delay', when: '`delay.max` above `maxDelayMs`, or growth with no `delay.max` and unbounded attempts.' },
  ],
  notModelled: ['Retried 4xx responses: RetryLink retries network errors of an opaque link chain, so no HTTP call is visible.'],
};

export const apolloAdapter: LibraryAdapter = {
  packages: PACKAGES,
  docs,
  analyze(node, origin, ctx) {
    if (node.type !== T.NewExpression) return [];
    const p = normalPath(origin);
    if (!(p.length === 1 && p[0] === 'RetryLink')) return [];
    const arg = node.arguments[0];
    const options = arg ? resolveObject(ctx, arg) : undefined;
    if (arg && !options) return [];
    const spread = options?.spread ?? false;
    const site = librarySite('@apollo/client', node);

    // Attempts: `{ max, retryIf }` or a function (count, operation, error).
    const attemptsOpt = readOption(ctx, options, 'attempts');
    let max: number | undefined = spread && !attemptsOpt ? undefined : DEFAULTS.max;
    let readsOperation = spread && !attemptsOpt;
    // The written condition that lets mutations through, where that finding is reported.
    let conditionNode: Node | undefined;
    if (attemptsOpt) {
      const fn = resolveFunction(ctx, attemptsOpt.value);
      const obj = fn ? undefined : resolveObject(ctx, attemptsOpt.value);
      if (fn) {
        const decision = handlerDecision(fn, 0, [], ctx.sourceCode.visitorKeys);
        if (decision === 'never') return [];
        // `count` is 1 after the first failure (`retryLink.ts`: `retryCount += 1` before `retryIf`),
        // so `count < 3` allows 3 attempts.
        const limit = decision === 'counted' ? countLimit(fn, { positional: ['count', 'other', 'error'] }, ctx.sourceCode, 1) : undefined;
        if (limit !== undefined && limit <= 1) return [];
        // A yes on a path the count never reaches retries for ever there (path-sensitive bound).
        const endless = decision === 'counted' ? uncountedYes(fn, 0, [], ctx.sourceCode) : undefined;
        max = decision === 'always' || endless ? Infinity : limit;
        site.bound = endless
          ? { kind: 'unbounded', maxAttempts: undefined, node: endless }
          : { kind: decision === 'always' ? 'unbounded' : decision === 'counted' ? 'bounded' : 'unknown', maxAttempts: limit, node: attemptsOpt.property };
        // Reading the operation filters only when it can change the answer (not a log line).
        readsOperation = parameterDecides(fn, 1, ctx.sourceCode);
        conditionNode = attemptsOpt.property;
      } else if (obj) {
        const maxOpt = readOption(ctx, obj, 'max');
        max = maxOpt ? numberOption(maxOpt) : obj.spread ? undefined : DEFAULTS.max;
        const retryIf = readOption(ctx, obj, 'retryIf');
        if (retryIf) {
          const rf = resolveFunction(ctx, retryIf.value);
          readsOperation = !rf || parameterDecides(rf, 1, ctx.sourceCode);
          conditionNode = retryIf.property;
          if (rf && handlerDecision(rf, -1, [], ctx.sourceCode.visitorKeys) === 'never') return [];
        } else readsOperation = obj.spread;
        const at = maxOpt?.property ?? attemptsOpt.property;
        if (max !== undefined && max <= 1) return [];
        if (max === undefined) site.bound = { kind: 'unknown', maxAttempts: undefined, node: at };
        else if (!Number.isFinite(max)) {
          site.bound = { kind: 'unbounded', maxAttempts: undefined, node: at };
          if (maxOpt) site.suggestions = { 'no-unbounded-retry': [replaceSuggestion(unwrap(maxOpt.value), '5', 'Stop after 5 attempts (`max: 5`)')] };
        } else site.bound = { kind: 'bounded', maxAttempts: max, node: at };
      } else {
        max = undefined;
        readsOperation = true;
        site.bound = { kind: 'unknown', maxAttempts: undefined, node: attemptsOpt.property };
      }
    } else if (max === undefined) {
      site.bound = { kind: 'unknown', maxAttempts: undefined, node };
    } else {
      site.bound = { kind: 'bounded', maxAttempts: max, node };
    }

    if (!readsOperation) {
      site.nonIdempotent.push({ node: conditionNode ?? node, method: 'GraphQL mutation', key: 'none', keyNode: undefined, ...(conditionNode ? { reportedAt: 'condition' as const } : {}) });
      const skip = skipMutations(ctx, node, options, attemptsOpt);
      if (skip) site.suggestions = { ...site.suggestions, 'require-idempotency-key': [skip] };
    }

    const delayOpt = readOption(ctx, options, 'delay');
    const retries = max === undefined ? undefined : max - 1;
    site.waits = [{ node: delayOpt?.property ?? node, argument: undefined, delay: delayFacts(ctx, delayOpt?.value, delayOpt?.property ?? node, retries, spread && !delayOpt, site.bound.kind !== 'unbounded' && max === undefined) }];
    return [site];
  },
};

function delayFacts(ctx: LibraryContext, value: Node | undefined, at: Node, retries: number | undefined, unknown: boolean, unknownMax: boolean): DelayFacts {
  if (unknown) return opaqueDelay(at);
  if (value) {
    const fn = resolveFunction(ctx, value);
    // `delay(count, operation, error)` is called with the same count as `attempts`: 1 to `max − 1`.
    if (fn) return delayOfFunction(ctx.sourceCode, fn, retries !== undefined && Number.isFinite(retries) ? retries : undefined);
  }
  const obj = value ? resolveObject(ctx, value) : undefined;
  if (value && !obj) return opaqueDelay(at);
  const read = (name: 'initial' | 'max' | 'jitter', fallback: number | boolean): { value: number | boolean | undefined; node: Node | undefined } => {
    const o = readOption(ctx, obj, name);
    if (!o) return { value: obj?.spread ? undefined : fallback, node: undefined };
    const v = o.known?.value;
    return { value: typeof v === 'number' || typeof v === 'boolean' ? v : undefined, node: o.property };
  };
  const initial = read('initial', DEFAULTS.initial);
  const cap = read('max', DEFAULTS.delayMax);
  const jitter = read('jitter', DEFAULTS.jitter);
  if (typeof initial.value !== 'number' || typeof cap.value !== 'number' || jitter.value === undefined) return opaqueDelay(at);
  // Without jitter the base is halved so that the first delay equals `initial`; delay n = base × 2^n, n ≥ 1.
  const base = jitter.value ? initial.value : initial.value / 2;
  const facts = scheduleDelay({
    node: cap.node ?? at,
    baseMs: base * 2,
    factor: 2,
    capMs: Number.isFinite(cap.value) ? cap.value : undefined,
    retries,
    random: jitter.value === true,
  });
  return unknownMax ? withUnknownBound(facts) : facts;
}

const SKIP_DESCRIPTION = 'Do not retry mutations (`operation.operationType`, Apollo Client 4)';
/** Apollo Client 4's test that an operation is not a mutation, on the operation named `name`. */
const notMutation = (name: string): string => `${name}.operationType !== 'mutation'`;

/**
 * The edit that stops a RetryLink from retrying mutations while keeping every other answer of its
 * condition: the default condition (`!!error`) written with the mutation test where none is
 * written (no options, no `attempts`, an `attempts` object without `retryIf`), or the written
 * condition (`retryIf(error, operation)` or an `attempts(count, operation, error)` function)
 * answered only for non-mutations: `operation.operationType !== 'mutation' && <condition>`, inline
 * for an arrow with an expression body, else by calling the written condition with the same
 * arguments (an async condition keeps working: RetryLink awaits the answer). Undefined when the
 * options cannot be edited safely (an option a spread may set, an options object that is not a literal).
 */
function skipMutations(ctx: LibraryContext, call: Node, options: OptionsObject | undefined, attemptsOpt: ReturnType<typeof readOption>): LibrarySuggestion | undefined {
  const defaultRetryIf = `retryIf: (error, operation) => !!error && ${notMutation('operation')}`;
  const arg = call.type === T.NewExpression ? call.arguments[0] : undefined;
  if (!arg) return { description: SKIP_DESCRIPTION, range: [call.range[1] - 1, call.range[1] - 1], text: `{ attempts: { ${defaultRetryIf} } }` };
  if (!options) return undefined;
  // A written option after a spread is the one in force; an option added after a spread would replace the spread's.
  if (!attemptsOpt) return options.spread ? undefined : insertProperty(options.node, `attempts: { ${defaultRetryIf} }`, SKIP_DESCRIPTION);
  const fn = resolveFunction(ctx, attemptsOpt.value);
  const obj = fn ? undefined : resolveObject(ctx, attemptsOpt.value);
  if (obj) {
    const retryIf = readOption(ctx, obj, 'retryIf');
    if (!retryIf) return obj.spread ? undefined : insertProperty(obj.node, defaultRetryIf, SKIP_DESCRIPTION);
    return guardCondition(ctx, retryIf.property, ['error', 'operation'], 'retryIf');
  }
  // An `attempts` function (written here or bound to a name): `(count, operation, error)`.
  return guardCondition(ctx, attemptsOpt.property, ['count', 'operation', 'error'], 'attempts');
}

/** `property`'s condition answered only for non-mutations (see skipMutations); `params` are the condition's parameters, the operation second. */
function guardCondition(ctx: LibraryContext, property: TSESTree.Property, params: readonly string[], name: string): LibrarySuggestion | undefined {
  const sc = ctx.sourceCode;
  const value = property.value as Node;
  if (property.computed) return undefined;
  // Inline, in a function written here: `(error) => cond` becomes `(error, operation) =>
  // operation.operationType !== 'mutation' && cond`; a block body starts with
  // `if (operation.operationType === 'mutation') return false;`.
  if ((value.type === T.ArrowFunctionExpression || value.type === T.FunctionExpression) && !value.generator && value.params.length >= 1 && value.params.every((p) => p.type === T.Identifier)) {
    const mentions = sc.getTokens(value).some((t) => t.type === 'Identifier' && t.value === params[1]);
    const second = value.params[1];
    const operation = second?.type === T.Identifier ? second.name : mentions ? undefined : params[1]!;
    if (operation) {
      const edits: Array<{ range: [number, number]; text: string }> = [];
      if (!second) {
        // Add the operation after the first parameter (parenthesised when it was alone without).
        const first = value.params[0] as TSESTree.Identifier;
        const end = first.typeAnnotation ? first.typeAnnotation.range[1] : first.range[1];
        if (sc.getTokenBefore(first)?.value === '(') edits.push({ range: [end, end], text: `, ${operation}` });
        else edits.push({ range: [first.range[0], end], text: `(${sc.getText(first)}, ${operation})` });
      }
      const body = value.body;
      if (body.type === T.BlockStatement) {
        const first = body.body[0];
        if (!first) return undefined;
        const line = sc.lines[first.loc.start.line - 1] ?? '';
        const indent = /^\s*/.exec(line)![0];
        const sameLine = first.loc.start.line === body.loc.start.line;
        edits.push({ range: [first.range[0], first.range[0]], text: `if (${operation}.operationType === 'mutation') return false;${sameLine ? ' ' : `\n${indent}`}` });
      } else {
        // Keep the body's precedence: a body looser than `&&` is parenthesised.
        const tight = operandText(sc, body) === sc.getText(body) || (body.type === T.LogicalExpression && body.operator === '&&') || body.type === T.UnaryExpression || body.type === T.BinaryExpression;
        edits.push({ range: [body.range[0], body.range[0]], text: `${notMutation(operation)} && ${tight ? '' : '('}` });
        if (!tight) edits.push({ range: [body.range[1], body.range[1]], text: ')' });
      }
      return { description: SKIP_DESCRIPTION, ...spliced(sc.text, edits) };
    }
  }
  // Wrapper, for a condition bound to a name: called with the same arguments, asked only for
  // non-mutations. Anything other than a name would be evaluated on every failure instead of once.
  if (value.type !== T.Identifier || params.includes(value.name)) return undefined;
  const args = params.join(', ');
  return { description: SKIP_DESCRIPTION, range: property.range, text: `${name}: (${args}) => ${notMutation('operation')} && ${value.name}(${args})` };
}
