import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { getRetrySites } from '../analysis';
import { REFUSED_STATUSES } from '../analysis/statuses';
import { contains } from '../analysis/ast';
import { createRule } from '../utils/create-rule';
import { hoistBeforeStatement, hoistedKeyFix, libraryFix } from '../utils/fixes';
import { readSettings } from '../utils/settings';

type Options = [];
type MessageIds = 'missingKey' | 'libraryRetriesRequest' | 'mayBeNonIdempotent' | 'conditionRetriesNonIdempotent' | 'optionRetriesEvery' | 'keyPerAttempt' | 'hoistKey' | 'sendKey' | 'applyLibraryFix';

export default createRule<Options, MessageIds>({
  name: 'require-idempotency-key',
  meta: {
    type: 'problem',
    hasSuggestions: true,
    docs: { description: 'Require retried non-idempotent requests to carry one idempotency key for all attempts', recommended: true },
    messages: {
      missingKey:
        'This {{method}} is retried but is not idempotent (RFC 9110 §9.2.2). If an attempt reached the server before failing, the retry does it twice (two orders, two charges). Send an idempotency key created once, before the first attempt, or do not retry it.',
      libraryRetriesRequest:
        'This {{method}} is retried by {{library}} (set up at line {{line}}) but is not idempotent (RFC 9110 §9.2.2). If an attempt reached the server before failing, the retry does it twice (two orders, two charges). Send an idempotency key created once, before the first attempt, or leave it out of the retry.',
      mayBeNonIdempotent:
        'This retried request can be a {{method}} (one of {{methods}}), which is not idempotent (RFC 9110 §9.2.2). If an attempt reached the server before failing, the retry does it twice. Send an idempotency key created once, before the first attempt, or retry only idempotent methods.',
      conditionRetriesNonIdempotent:
        'This retry condition also retries non-idempotent requests ({{method}}, RFC 9110 §9.2.2). If an attempt reached the server before failing, the retry does it twice. Leave them out of the condition, or send an idempotency key created once, before the first attempt.',
      optionRetriesEvery:
        'This option retries every {{method}} of the client, and a {{method}} changes state on the server. If an attempt reached the server before failing, the retry applies it twice (it creates, updates or sends twice). Retry only mutations that send an idempotency key created once per call, or leave mutations unretried.',
      keyPerAttempt:
        'Every attempt sends a new idempotency key: it is created inside the retried operation. The server cannot tell a retry from a new request; create the key once, before the first attempt.',
      hoistKey: 'Create the key once, before the retry loop.',
      sendKey: 'Send one {{header}} header, created once before the retry, on every attempt.',
      applyLibraryFix: '{{description}}.',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      'Program:exit'(): void {
        const seen = new Set<string>();
        for (const site of getRetrySites(context)) {
          // PRODUCT: a refresh-and-replay is judged by no-unbounded-retry alone; a request re-sent only
          // after the server refused it (429: RFC 6585 §4) was not processed and needs no key.
          if (site.purpose === 'refresh-replay') continue;
          if (site.retriedStatuses && site.retriedStatuses.length > 0 && site.retriedStatuses.every((s) => REFUSED_STATUSES.has(s))) continue;
          for (const req of site.nonIdempotent) {
            const node = req.key === 'per-attempt' && req.keyNode ? req.keyNode : req.node;
            const key = `${node.range[0]}:${node.range[1]}`;
            if (seen.has(key)) continue;
            seen.add(key);
            const suggest: TSESLint.ReportSuggestionArray<MessageIds> = (site.suggestions?.['require-idempotency-key'] ?? []).map((s) => ({
              messageId: 'applyLibraryFix' as const,
              data: { description: s.description },
              fix: libraryFix(s),
            }));
            // Only a key made in the loop's own code: one made in a function the loop runs (a task handed to
            // a retry helper) would be hoisted out of that function, beyond the retry.
            if (req.key === 'per-attempt' && req.keyNode && site.kind === 'loop' && req.keyNode.range[0] >= site.node.range[0] && req.keyNode.range[1] <= site.node.range[1]) {
              const hoist = hoistBeforeStatement(context.sourceCode, req.keyNode, site.node, 'idempotencyKey');
              if (hoist) suggest.push({ messageId: 'hoistKey', fix: hoist });
            }
            if (req.key === 'none' && req.reportedAt === undefined) {
              // A library retries inside one call: the key is created just before the statement that makes
              // it (the configured call itself, or a call of the function it returned, `fetchWithRetry(…)`).
              const before = site.kind === 'loop' ? (site.node.parent?.type === 'Program' ? undefined : site.node) : site.kind === 'library' ? statementOf(callsWrapper(context.sourceCode, req.node, site.node) ? req.node : site.node) : undefined;
              const header = readSettings(context.settings).idempotencyKeyHeaders[0] ?? 'Idempotency-Key';
              const send = before ? hoistedKeyFix(context.sourceCode, req.node, before, header, req.optionsIndex, readSettings(context.settings)) : undefined;
              if (send) suggest.unshift({ messageId: 'sendKey', data: { header }, fix: send });
            }
            context.report({
              node,
              // A request made apart from the library call that retries it (an axios-retry instance's
              // `post`): the message says which library retries it, and where, as the code does not.
              messageId: req.key === 'per-attempt' ? 'keyPerAttempt' : req.reportedAt === 'condition' ? 'conditionRetriesNonIdempotent' : req.reportedAt === 'option' ? 'optionRetriesEvery' : req.possibleMethods ? 'mayBeNonIdempotent' : site.kind === 'library' && site.library && !contains(site.node, req.node) ? 'libraryRetriesRequest' : 'missingKey',
              data: { method: req.method, methods: req.possibleMethods?.join(', ') ?? req.method, library: site.library ?? '', line: String(site.node.loc.start.line) },
              suggest,
            });
          }
        }
      },
    };
  },
});

/**
 * The statement of a function's block that holds `node`, where a key created just before it is
 * created once per call of the function (a module-level statement would share one key between
 * every call: undefined then).
 */
function statementOf(node: TSESTree.Node): TSESTree.Node | undefined {
  for (let n: TSESTree.Node | undefined = node; n; n = n.parent) {
    if (n.parent?.type === 'Program') return undefined;
    if (n.parent?.type === 'BlockStatement') return n;
  }
  return undefined;
}

/**
 * Whether `request` calls the function a library call returned (`const fetchWithRetry =
 * makeFetchRetry(fetch, {…})`, then `fetchWithRetry(url, init)`): each such call is one whole retry.
 */
function callsWrapper(sourceCode: TSESLint.SourceCode, request: TSESTree.Node, libraryCall: TSESTree.Node): boolean {
  if (request.type !== 'CallExpression' || request.callee.type !== 'Identifier') return false;
  const name = request.callee.name;
  for (let s: TSESLint.Scope.Scope | null = sourceCode.getScope(request); s; s = s.upper) {
    const v = s.set.get(name);
    if (!v) continue;
    const def = v.defs[0]?.node;
    return v.defs.length === 1 && def?.type === 'VariableDeclarator' && def.init === libraryCall && v.references.every((r) => r.init || !r.isWrite());
  }
  return false;
}
