import { T } from '../node-types';
import { unwrap } from '../ast';
import { normalPath } from '../scope';
import type { LibrarySuggestion, Node } from '../types';
import { replaceSuggestion, resolveExpression } from './inspect';
import { insertProperty } from './option-state';
import { SUGGESTED_CAP_MS } from './retry-options';
import type { LibraryDocs } from './docs';
import type { LibraryAdapter } from './types';
import { firstWrittenOption, librarySite, numberOption, opaqueDelay, optionsObject, readOption, scheduleDelay, type OptionsObject } from './util';

/**
 * socket.io-client reconnection: `io(url, opts)` (also `connect`, `lookup`, the default export)
 * and `new Manager(url, opts)`. Defaults (socket.io-client 4.x `build/cjs/manager.js`,
 * `contrib/backo2.js`; the same in 2.x and 3.x): `reconnection` true, `reconnectionAttempts`
 * Infinity (`0` also means Infinity: the option is read with `||`), `reconnectionDelay` 1000 ms
 * doubling per attempt, `reconnectionDelayMax` 5000 ms, `randomizationFactor` 0.5 (a value
 * outside (0, 1] means no jitter).
 *
 * Reconnection is built in: only options that set a reconnection option are judged. Setting one
 * opts into the library's reconnection with its defaults, so the default unlimited
 * `reconnectionAttempts` is reported (on the first reconnection option written) as an explicit `Infinity` or `0` is (on the
 * option); options spread in from elsewhere may supply the limit, so then it is not judged.
 */

const MODULE = 'socket.io-client';
const DEFAULTS = { delay: 1000, delayMax: 5000, randomizationFactor: 0.5 };
const OPTIONS = ['reconnection', 'reconnectionAttempts', 'reconnectionDelay', 'reconnectionDelayMax', 'randomizationFactor'];

export const docs: LibraryDocs = {
  package: 'socket.io-client',
  api: '`io(url, options)` (also `connect`, `lookup`, the default export) and `new Manager(url, options)`',
  versionAssumed: 'socket.io-client 4.x (reconnection defaults unchanged since 2.x)',
  defaults: [
    '`reconnection: true`, `reconnectionAttempts: Infinity` (0 is read as Infinity)',
    '`reconnectionDelay: 1000` ms doubling per attempt, capped at `reconnectionDelayMax: 5000` ms',
    '`randomizationFactor: 0.5`',
  ],
  checks: [
    { rule: 'require-jitter', when: '`randomizationFactor: 0` (or outside (0, 1]); suggests 0.5.' },
    { rule: 'require-backoff', when: '`reconnectionDelay` at or above `reconnectionDelayMax`: a constant delay; suggests a `reconnectionDelayMax` of 32 times the delay (at most 30000 ms).' },
    { rule: 'require-max-delay', when: '`reconnectionDelayMax` above `maxDelayMs`; suggests `reconnectionDelayMax: 30000`.' },
    { rule: 'no-unbounded-retry', when: '`reconnectionAttempts: Infinity` or `0` (read as Infinity; suggests 10), or options that set a reconnection option but not `reconnectionAttempts` (the default is Infinity; reported on the first reconnection option written; suggests adding `reconnectionAttempts: 10`).' },
  ],
  notModelled: [
    'Options without a reconnection option: the built-in reconnection, untouched, is not reported.',
    'The attempt limit when options are spread in from elsewhere (`...opts`): they may supply it.',
  ],
};

export const socketIoAdapter: LibraryAdapter = {
  packages: [MODULE],
  docs,
  analyze(node, origin, ctx) {
    const p = normalPath(origin);
    const isIo = node.type === T.CallExpression && (p.length === 0 || (p.length === 1 && ['io', 'connect', 'lookup'].includes(p[0]!)));
    const isManager = node.type === T.NewExpression && p.length === 1 && p[0] === 'Manager';
    if (!isIo && !isManager) return [];
    const first = resolveExpression(ctx, node.arguments[0]);
    const optsNode = first && first.type === T.ObjectExpression ? first : resolveExpression(ctx, node.arguments[1]);
    if (!optsNode || optsNode.type !== T.ObjectExpression) return [];
    const options: OptionsObject = optionsObject(ctx, optsNode);
    const set = OPTIONS.map((o) => readOption(ctx, options, o)).filter((o) => o !== undefined);
    if (set.length === 0) return []; // the built-in reconnection, untouched
    const reconnection = readOption(ctx, options, 'reconnection');
    if (reconnection && reconnection.known?.value === false) return [];
    if (reconnection && !reconnection.known) return [];

    // A default left in force is reported on the first reconnection option the code writes.
    const at: Node = firstWrittenOption(options, OPTIONS) ?? node;
    const site = librarySite(MODULE, node, { node: at });
    const suggestions: Partial<Record<string, LibrarySuggestion[]>> = {};
    const attemptsOpt = readOption(ctx, options, 'reconnectionAttempts');
    const attempts = attemptsOpt ? numberOption(attemptsOpt) : undefined;
    if (attemptsOpt && attempts !== undefined && (attempts === 0 || !Number.isFinite(attempts))) {
      site.bound = { kind: 'unbounded', maxAttempts: undefined, node: attemptsOpt.property };
      suggestions['no-unbounded-retry'] = [replaceSuggestion(unwrap(attemptsOpt.value), '10', 'Give up after 10 attempts (`reconnectionAttempts: 10`)')];
    } else if (attempts !== undefined) {
      site.bound = { kind: 'bounded', maxAttempts: attempts + 1, node: attemptsOpt!.property };
    } else if (!attemptsOpt && !options.spread) {
      // Setting a reconnection option opts in, and the default is Infinity: reported on the first option written.
      site.bound = { kind: 'unbounded', maxAttempts: undefined, node: at, defaultSetting: '`reconnectionAttempts` is not set (default Infinity)' };
      suggestions['no-unbounded-retry'] = [insertProperty(optsNode, 'reconnectionAttempts: 10', 'Give up after 10 attempts (`reconnectionAttempts: 10`)')];
    } else {
      // Computed, or possibly supplied by a spread: not judged.
      site.bound = { kind: 'unknown', maxAttempts: undefined, node: attemptsOpt?.property ?? at };
    }

    const delayOpt = readOption(ctx, options, 'reconnectionDelay');
    const maxOpt = readOption(ctx, options, 'reconnectionDelayMax');
    const randOpt = readOption(ctx, options, 'randomizationFactor');
    const read = (o: typeof delayOpt, fallback: number): number | undefined => (o ? numberOption(o) : options.spread ? undefined : fallback);
    // `||` in the library: 0 means the default.
    const delay = read(delayOpt, DEFAULTS.delay) || DEFAULTS.delay;
    const cap = read(maxOpt, DEFAULTS.delayMax) || DEFAULTS.delayMax;
    const rand = randOpt ? numberOption(randOpt) : options.spread ? undefined : DEFAULTS.randomizationFactor;
    const delayAt: Node = maxOpt?.property ?? at;
    if ((delayOpt && numberOption(delayOpt) === undefined) || (maxOpt && numberOption(maxOpt) === undefined) || rand === undefined || (options.spread && (!delayOpt || !maxOpt))) {
      site.waits = [{ node: randOpt?.property ?? at, argument: undefined, delay: opaqueDelay(delayAt) }];
    } else {
      const random = rand > 0 && rand <= 1;
      const growing = delay < cap;
      const facts = scheduleDelay({
        node: delayAt,
        baseMs: growing ? delay : cap,
        factor: growing ? 2 : 1,
        capMs: cap,
        retries: attempts !== undefined && Number.isFinite(attempts) && attempts > 0 ? attempts : undefined,
        random,
      });
      const waitAt: Node = !random ? randOpt?.property ?? at : !growing ? delayOpt?.property ?? maxOpt?.property ?? at : at;
      site.waits = [{ node: waitAt, argument: undefined, delay: facts }];
      if (!random && randOpt) suggestions['require-jitter'] = [replaceSuggestion(unwrap(randOpt.value), '0.5', 'Randomise the delay (`randomizationFactor: 0.5`)')];
      // The delay doubles from `reconnectionDelay` up to `reconnectionDelayMax`: a cap above the
      // suggested one is lowered to it, and a constant delay (the cap at or below the first delay)
      // gets room to grow, from the same first delay to 32 times it (at most the suggested cap).
      if (growing && cap > SUGGESTED_CAP_MS && maxOpt) {
        suggestions['require-max-delay'] = [replaceSuggestion(unwrap(maxOpt.value), String(SUGGESTED_CAP_MS), `Cap the delay at ${SUGGESTED_CAP_MS} ms (\`reconnectionDelayMax: ${SUGGESTED_CAP_MS}\`)`)];
      }
      if (!growing && delay < SUGGESTED_CAP_MS) {
        const grown = Math.min(delay * 32, SUGGESTED_CAP_MS);
        const description = `Double the delay after each attempt, up to ${grown} ms (\`reconnectionDelayMax: ${grown}\`)`;
        suggestions['require-backoff'] = [maxOpt ? replaceSuggestion(unwrap(maxOpt.value), String(grown), description) : insertProperty(optsNode, `reconnectionDelayMax: ${grown}`, description)];
      }
    }
    if (Object.keys(suggestions).length > 0) site.suggestions = suggestions;
    return [site];
  },
};
