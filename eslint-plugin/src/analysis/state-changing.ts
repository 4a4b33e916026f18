import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { builtinModules } from 'node:module';
import { T } from './node-types';
import type { RetrySettings } from '../utils/settings';
import { calleeName, chainRoot, propertyName, unwrap } from './ast';
import { keyCreatedInside, originThroughParameter, resolveObjectLiteral } from './http';
import { sameFileFunction } from './delay';
import { normalPath, originOf, variableOf, type Origin } from './scope';
import type { Node } from './types';
import { CREATES_RECORD_RE, isIdempotencyKeyName, TRADE_VERB_RE } from './vocabulary';

/**
 * Library calls whose documented API changes state on a server although they are not written as
 * an HTTP method: a message or mail sent through a messaging SDK, a GraphQL (or Convex) mutation run
 * through the function a mutation hook returns. PRODUCT: "SDK calls that create persistent objects
 * (payments, charges, orders, messages sent) need a key", and a GraphQL mutation is non-idempotent.
 * The vocabulary is each library's API, keyed by its package: a method name alone says nothing.
 */

/** A messaging or mail SDK and the methods its API documents as sending a message. */
interface Sender {
  modules: readonly string[];
  /** Whether a method of the SDK's objects sends a message (`call` is the whole call, for SDKs that send commands). */
  sends(method: string, call: TSESTree.CallExpression, sourceCode: TSESLint.SourceCode): boolean;
  /** The SDK's own de-duplication option in a send's payload, when it has one. */
  keyOf?(payload: TSESTree.ObjectExpression): Node | undefined;
}

const SENDERS: readonly Sender[] = [
  // nodemailer: `transporter.sendMail(message)`; NestJS's mailer module wraps it (`MailerService.sendMail`).
  { modules: ['nodemailer', '@nestjs-modules/mailer'], sends: (m) => m === 'sendMail' },
  // discord.js: `channel.send()`, `user.send()`, `webhook.send()`, `message.reply()`, `interaction.reply()`/`followUp()`.
  // A payload's `nonce` with `enforceNonce: true` makes Discord drop a second message with that nonce.
  { modules: ['discord.js'], sends: (m) => m === 'send' || m === 'reply' || m === 'followUp', keyOf: discordNonce },
  // whatsapp-web.js: `client.sendMessage(chatId, content)`, `chat.sendMessage()`, `message.reply()`.
  { modules: ['whatsapp-web.js'], sends: (m) => m === 'sendMessage' || m === 'reply' },
  // Telegram Bot API clients: every `send…` method sends a message except `sendChatAction` (a typing
  // indicator); `forwardMessage`/`copyMessage` post one too; telegraf/grammY contexts `reply…`.
  {
    modules: ['node-telegram-bot-api', 'telegraf', 'grammy', 'telegram-bot-api', 'node-telegram-bot'],
    sends: (m) => (/^send[A-Z]/.test(m) && m !== 'sendChatAction') || m === 'forwardMessage' || m === 'copyMessage' || /^reply(With[A-Z]\w*)?$/.test(m),
  },
  // Slack Web API / Bolt: `chat.postMessage`, `chat.scheduleMessage`, Bolt's `say`.
  { modules: ['@slack/web-api', '@slack/bolt'], sends: (m) => m === 'postMessage' || m === 'scheduleMessage' || m === 'say' },
  // Email APIs: SendGrid `sgMail.send`, Postmark `client.sendEmail…`, Resend `resend.emails.send`.
  { modules: ['@sendgrid/mail', 'postmark', 'resend'], sends: (m) => /^send/.test(m) },
  // Push: Firebase Cloud Messaging `messaging().send…`, web-push `sendNotification`.
  { modules: ['firebase-admin', 'web-push'], sends: (m) => /^send/.test(m) },
  // Amazon SES, SDK v2: `new AWS.SES().sendEmail(params)` (also `sendRawEmail`, `sendTemplatedEmail`,
  // `sendBulkTemplatedEmail`; SESV2 `sendEmail`). The API takes no de-duplication token.
  { modules: ['aws-sdk'], sends: (m) => SES_SEND_RE.test(m) },
  // Amazon SES, SDK v3: `client.send(new SendEmailCommand(input))` and the other send commands.
  { modules: ['@aws-sdk/client-ses', '@aws-sdk/client-sesv2'], sends: (m, call, sourceCode) => m === 'send' && sendsSesCommand(call, sourceCode) },
];

/** SES v2 SDK methods that send mail (`sendEmail`, `sendRawEmail`, `sendTemplatedEmail`, `sendBulkTemplatedEmail`). */
const SES_SEND_RE = /^send(Raw|Templated|BulkTemplated)?Email$/;

/** `client.send(new SendEmailCommand(…))`: an SES v3 command that sends mail (by the class the module exports, `SendEmailCommand`, `SendBulkEmailCommand`, …). */
function sendsSesCommand(call: TSESTree.CallExpression, sourceCode: TSESLint.SourceCode): boolean {
  const arg = call.arguments[0] && unwrap(call.arguments[0]);
  if (arg?.type !== T.NewExpression) return false;
  const origin = originOf(sourceCode, arg.callee);
  const name = origin ? normalPath(origin).at(-1) : undefined;
  return !!name && /^Send(Raw|Templated|Bulk|BulkTemplated)?EmailCommand$/.test(name);
}

/** The package a module path belongs to (`discord.js` for `discord.js/typings`, `@slack/web-api` for itself). */
function packageOf(module: string): string {
  const parts = module.split('/');
  return module.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** The sender a module belongs to. */
function senderOf(module: string): Sender | undefined {
  const pkg = packageOf(module.replace(/^node:/, ''));
  return SENDERS.find((s) => s.modules.includes(pkg));
}

/** A message sent through a messaging SDK: the call and the method's name. */
export interface SentMessage {
  method: string;
  /** The SDK's own de-duplication key in the payload (`nonce` with `enforceNonce`), or an idempotency-key option. */
  payloads: TSESTree.ObjectExpression[];
  sender: Sender;
}

/**
 * Recognises `receiver.method(…)` as a message sent through a messaging SDK. The receiver's package
 * is known from where its value comes from (an import or `require`, `new Client()`, a same-file
 * caller's argument), from a parameter's type annotation (`bot: Telegraf`, `channel: TextChannel`),
 * or, for a parameter nothing else tells about, from the file's use of that SDK (a file that
 * imports discord.js and calls `target.send(…)` on a parameter sends a Discord message).
 */
export function sentMessage(sourceCode: TSESLint.SourceCode, call: TSESTree.CallExpression): SentMessage | undefined {
  const callee = unwrap(call.callee);
  if (callee.type !== T.MemberExpression) return undefined;
  const method = propertyName(callee);
  if (!method) return undefined;
  const written = originOf(sourceCode, callee) ?? originThroughParameter(sourceCode, callee) ?? writtenOrigin(sourceCode, callee.object, 0);
  const origin = written && !originOf(sourceCode, callee) && !originThroughParameter(sourceCode, callee) ? { module: written.module, path: [...written.path, method] } : written;
  let sender: Sender | undefined;
  if (origin && senderOf(origin.module)) {
    const path = normalPath(origin);
    if (path[path.length - 1] !== method) return undefined;
    sender = senderOf(origin.module);
  } else if (origin && !isProjectModule(origin.module)) {
    return undefined;
  } else {
    const root = rootIdentifier(callee.object);
    if (!root) return undefined;
    const v = variableOf(sourceCode, root);
    const def = v?.defs[0];
    // A parameter's value is unknown here: its type or the file's SDK tells. A local of another kind,
    // or a client from the project's own module, is judged by what the call sends (below).
    if (v && def && def.type === 'Parameter') {
      const typed = annotationModule(sourceCode, def.name as TSESTree.Identifier);
      if (typed) sender = senderOf(typed);
      else {
        const used = importedModules(sourceCode).map(senderOf).filter((s): s is Sender => s !== undefined);
        sender = used.length > 0 && used.every((s) => s === used[0]) ? used[0] : undefined;
      }
    }
  }
  const payloads = call.arguments
    .map((a) => (a.type === T.SpreadElement ? undefined : resolveObjectLiteral(sourceCode, a)))
    .filter((o): o is TSESTree.ObjectExpression => o !== undefined);
  if (sender) return sender.sends(method, call, sourceCode) ? { method, payloads, sender } : undefined;
  // A client whose package cannot be seen (made in the project's own module, a local of unknown
  // origin): a `send…` call whose payload is a message (a recipient and a subject or body) sends one.
  if ((/^send/.test(method) && payloads.some(isMessagePayload)) || MESSAGE_METHOD_RE.test(method)) return { method, payloads, sender: MESSAGE_PAYLOAD };
  return undefined;
}

/**
 * Methods whose name says they send a message to a person (`sendEmail`, `sendMail`, `sendSms`,
 * `sendPushNotification`), on a client whose package cannot be seen: the call's own name, not its
 * arguments' (which a rename would change), says what it delivers.
 */
const MESSAGE_METHOD_RE = /^send(E?mails?|Sms|SMS|TextMessage|Text|Push|PushNotification|Notification|Notifications)$/;

/** A client recognised by the message it is given, not its package (no de-duplication option known). */
const MESSAGE_PAYLOAD: Sender = { modules: [], sends: () => true };

/** A module path of the project itself (`./mailer`, `@/lib/mail`, `~/mail`): what it exports cannot be seen. */
function isProjectModule(module: string): boolean {
  return module.startsWith('.') || module.startsWith('/') || module.startsWith('@/') || module.startsWith('~/') || module.startsWith('#');
}

/** A message payload: a recipient (`to`) and something to deliver (`subject`, `html`, `text`, `body`, `template`). */
function isMessagePayload(o: TSESTree.ObjectExpression): boolean {
  const names = new Set(o.properties.map((p) => (p.type === T.Property ? propertyName(p) : undefined)));
  return names.has('to') && ['subject', 'html', 'text', 'body', 'template'].some((n) => names.has(n));
}

/**
 * Where a value comes from when it is built in steps the import resolver does not follow: a
 * `let` written once from a `require` (`Api = require('sdk').Client` in a try), a constant chosen
 * by a condition (`key && Api ? new Api(key) : null`: the branch that is not nullish), then
 * `new`, calls and member accesses on it. Undefined unless every write leads to the same module.
 */
function writtenOrigin(sourceCode: TSESLint.SourceCode, expr: Node, depth: number): Origin | undefined {
  const n = unwrap(expr);
  if (depth > 8) return undefined;
  const direct = originOf(sourceCode, n);
  if (direct) return direct;
  switch (n.type) {
    case T.ConditionalExpression: {
      const sides = [n.consequent, n.alternate].filter((x) => !isNullish(x));
      return sides.length === 1 ? writtenOrigin(sourceCode, sides[0]!, depth + 1) : undefined;
    }
    case T.LogicalExpression:
      return n.operator === '&&' ? writtenOrigin(sourceCode, n.right, depth + 1) : undefined;
    case T.NewExpression: {
      const o = writtenOrigin(sourceCode, n.callee, depth + 1);
      return o && { module: o.module, path: [...o.path, 'new'] };
    }
    case T.CallExpression: {
      const o = writtenOrigin(sourceCode, n.callee, depth + 1);
      return o && { module: o.module, path: [...o.path, '()'] };
    }
    case T.MemberExpression: {
      const name = propertyName(n);
      const o = name ? writtenOrigin(sourceCode, n.object, depth + 1) : undefined;
      return o && { module: o.module, path: [...o.path, name!] };
    }
    case T.Identifier: {
      const v = variableOf(sourceCode, n);
      if (!v || v.defs.length !== 1 || v.defs[0]!.type !== 'Variable') return undefined;
      const values = writtenValues(v);
      const origins = values.filter((x) => !isNullish(x)).map((x) => writtenOrigin(sourceCode, x, depth + 1));
      const first = origins[0];
      if (!first || origins.some((o) => !o || o.module !== first.module || o.path.join('.') !== first.path.join('.'))) return undefined;
      return first;
    }
    default:
      return undefined;
  }
}

const writtenValuesMemo = new WeakMap<TSESLint.Scope.Variable, Node[]>();

/**
 * The values a variable declared once is written with: its initialiser, then every later write's
 * expression. Memoised per variable (its references are fixed once the scope manager ran): an array
 * pushed to at each of n calls (`out.push(…)`) scanned all n references every time, O(n²).
 */
function writtenValues(v: TSESLint.Scope.Variable): Node[] {
  let hit = writtenValuesMemo.get(v);
  if (!hit) {
    hit = [];
    const init = (v.defs[0]!.node as TSESTree.VariableDeclarator).init;
    if (init) hit.push(init);
    for (const r of v.references) if (r.isWrite() && r.writeExpr && r.writeExpr !== init) hit.push(r.writeExpr as Node);
    writtenValuesMemo.set(v, hit);
  }
  return hit;
}

/** `null`, `undefined`, `void 0`. */
function isNullish(x: Node): boolean {
  const u = unwrap(x);
  return (u.type === T.Literal && u.value === null) || (u.type === T.Identifier && u.name === 'undefined') || (u.type === T.UnaryExpression && u.operator === 'void');
}

/** The key a sent message carries: the SDK's own de-duplication option, or a property named like an idempotency key. */
export function sentMessageKey(message: SentMessage, settings: RetrySettings): Node | undefined {
  for (const p of message.payloads) {
    const own = message.sender.keyOf?.(p);
    if (own) return own;
    for (const prop of p.properties) {
      if (prop.type !== T.Property) continue;
      const name = propertyName(prop);
      if (name && isIdempotencyKeyName(name, settings.idempotencyKeyHeaders)) return prop.value;
    }
  }
  return undefined;
}

/** discord.js: `{ nonce, enforceNonce: true }` (Discord drops a second message created with the same nonce). */
function discordNonce(payload: TSESTree.ObjectExpression): Node | undefined {
  let nonce: Node | undefined;
  let enforced = false;
  for (const p of payload.properties) {
    if (p.type !== T.Property) continue;
    const name = propertyName(p);
    if (name === 'nonce') nonce = p.value;
    if (name === 'enforceNonce') enforced = unwrap(p.value).type === T.Literal && (unwrap(p.value) as TSESTree.Literal).value === true;
  }
  return enforced ? nonce : undefined;
}

/** The identifier a member chain starts from (`bot` in `bot.telegram.sendMessage`). */
function rootIdentifier(node: Node): TSESTree.Identifier | undefined {
  const n = chainRoot(node);
  return n.type === T.Identifier ? n : undefined;
}

/** The module a parameter's annotated type is imported from (`channel: TextChannel`, `bot: Telegraf | undefined`). */
function annotationModule(sourceCode: TSESLint.SourceCode, id: TSESTree.Identifier): string | undefined {
  const ann = id.typeAnnotation?.typeAnnotation;
  if (!ann) return undefined;
  const refs = ann.type === T.TSUnionType || ann.type === T.TSIntersectionType ? ann.types : [ann];
  for (const r of refs) {
    if (r.type !== T.TSTypeReference) continue;
    let name: TSESTree.EntityName = r.typeName;
    while (name.type === T.TSQualifiedName) name = name.left;
    if (name.type !== T.Identifier) continue;
    const o = originOf(sourceCode, name);
    if (o) return o.module;
  }
  return undefined;
}

/** The modules a file imports or requires (memoised per file by the caller's pass; cheap to recompute). */
function importedModules(sourceCode: TSESLint.SourceCode): string[] {
  const cached = importsByFile.get(sourceCode.ast);
  if (cached) return cached;
  const out: string[] = [];
  for (const s of sourceCode.ast.body) {
    if (s.type === T.ImportDeclaration) out.push(String(s.source.value));
    if (s.type === T.VariableDeclaration) {
      for (const d of s.declarations) {
        let init = d.init ? unwrap(d.init) : undefined;
        while (init && init.type === T.MemberExpression) init = unwrap(init.object);
        if (init?.type === T.CallExpression && init.callee.type === T.Identifier && init.callee.name === 'require') {
          const a = init.arguments[0];
          if (a && a.type === T.Literal && typeof a.value === 'string') out.push(a.value);
        }
      }
    }
  }
  importsByFile.set(sourceCode.ast, out);
  return out;
}

const importsByFile = new WeakMap<TSESTree.Program, string[]>();

/** A mutation hook whose returned function (or the tuple element that is one) runs a mutation. */
interface MutationHook {
  /** Packages (any sub-path) exporting the hook. */
  packages: readonly string[];
  hook: string;
  /** The path from the hook's result to the function (`0` for Apollo's tuple, `1` for urql's, none for Convex). */
  path: readonly string[];
}

const MUTATION_HOOKS: readonly MutationHook[] = [
  // Apollo Client: `const [mutate, result] = useMutation(DOC)`.
  { packages: ['@apollo/client', '@apollo/react-hooks', '@apollo/react-common'], hook: 'useMutation', path: ['0'] },
  // urql: `const [result, executeMutation] = useMutation(DOC)`.
  { packages: ['urql', '@urql/preact', '@urql/vue', '@urql/svelte', '@urql/solid'], hook: 'useMutation', path: ['1'] },
  // Convex: `const mutate = useMutation(api.module.fn)`: a Convex mutation writes to the database.
  { packages: ['convex'], hook: 'useMutation', path: [] },
];

/** Whether a call runs the mutation function a mutation hook returned (`const [save] = useMutation(DOC)`, then `save(…)`). */
export function runsHookMutation(sourceCode: TSESLint.SourceCode, call: TSESTree.CallExpression): boolean {
  const origin: Origin | undefined = originOf(sourceCode, call.callee);
  if (!origin) return false;
  const path = normalPath(origin);
  const pkg = packageOf(origin.module);
  return MUTATION_HOOKS.some((h) => h.packages.includes(pkg) && path.length === h.path.length + 2 && path[0] === h.hook && path[1] === '()' && h.path.every((p, i) => path[i + 2] === p));
}

/**
 * The idempotency key an options object carries for a GraphQL or SDK call: a property named like a
 * key, at the top or in `headers`, `context` (Apollo's per-operation context) or `fetchOptions`, each
 * possibly a `const` holding the object. `unknown` when a spread or an unresolvable value may hold one.
 */
export function keyInCallOptions(sourceCode: TSESLint.SourceCode, arg: Node | undefined, region: Node, settings: RetrySettings, depth = 0): { kind: 'stable' | 'per-attempt' | 'none' | 'unknown'; node?: Node } {
  if (!arg) return { kind: 'none' };
  const obj = resolveObjectLiteral(sourceCode, arg);
  if (!obj) return { kind: 'unknown' };
  let unknown = false;
  for (const p of obj.properties) {
    if (p.type === T.SpreadElement) {
      unknown = true;
      continue;
    }
    const name = propertyName(p);
    if (!name) {
      unknown = true;
      continue;
    }
    if (isIdempotencyKeyName(name, settings.idempotencyKeyHeaders)) {
      const fresh = keyCreatedInside(sourceCode, p.value, region);
      return fresh ? { kind: 'per-attempt', node: fresh } : { kind: 'stable' };
    }
    if (depth < 3 && (name === 'headers' || name === 'context' || name === 'fetchOptions')) {
      const inner = keyInCallOptions(sourceCode, p.value, region, settings, depth + 1);
      if (inner.kind === 'stable' || inner.kind === 'per-attempt') return inner;
      if (inner.kind === 'unknown') unknown = true;
    }
  }
  return { kind: unknown ? 'unknown' : 'none' };
}

/** Node's built-in modules (`node:` prefix removed): what they create (`crypto.createHash`, `net.createServer`) is local. */
const BUILTIN_MODULES: ReadonlySet<string> = new Set(builtinModules);

/**
 * Globals whose methods make local objects (`document.createElement`, `Object.create`,
 * `URL.createObjectURL`), and the browser-extension API namespaces (`browser.tabs.create`,
 * `chrome.windows.create`, `chrome.alarms.create`): those act in the user's own browser, not on a
 * server, so a retry cannot create a duplicate a server keeps.
 */
const LOCAL_GLOBALS: ReadonlySet<string> = new Set(['Object', 'Promise', 'Array', 'document', 'window', 'globalThis', 'React', 'URL', 'Reflect', 'Symbol', 'crypto', 'browser', 'chrome']);

/** Installed modules that are the same local APIs under an import (Mozilla's WebExtension polyfill). */
const LOCAL_API_MODULES: ReadonlySet<string> = new Set(['webextension-polyfill']);

/**
 * Whether a member call's receiver is the runtime's own API rather than a server's client: its chain
 * starts at an undeclared {@link LOCAL_GLOBALS} name (`chrome.tabs.create`, `document.createElement`),
 * or it comes from one of Node's built-in modules or a {@link LOCAL_API_MODULES} import.
 */
export function isLocalApi(sourceCode: TSESLint.SourceCode, callee: Node): boolean {
  const c = unwrap(callee);
  const root = c.type === T.MemberExpression ? chainRoot(c) : c;
  if (root.type === T.Identifier && LOCAL_GLOBALS.has(root.name) && !variableOf(sourceCode, root)?.defs.length) return true;
  const origin = originOf(sourceCode, c);
  return !!origin && (BUILTIN_MODULES.has(origin.module.replace(/^node:/, '')) || LOCAL_API_MODULES.has(origin.module));
}

/**
 * A call that creates a persistent object on a server, by the method's name
 * ({@link CREATES_RECORD_RE}: `exchange.createOrder(…)`, `intent.createRoom(…)`,
 * `billing.createInvoice(…)`, or an imported `createOrder(…)` of an installed package), or an
 * installed exchange client's trading verb (`client.buy(opts, cb)`, {@link TRADE_VERB_RE}).
 * Undefined for Node's built-in modules and the runtime's globals, for a trading verb on a receiver
 * that does not come from an installed package, and for a bare function of the project's own
 * modules (its body, when it is in this file, is judged by what it sends).
 * @returns the method's name.
 */
export function createdRecord(sourceCode: TSESLint.SourceCode, call: TSESTree.CallExpression): string | undefined {
  const callee = unwrap(call.callee);
  const method = callee.type === T.MemberExpression ? propertyName(callee) : callee.type === T.Identifier ? callee.name : undefined;
  if (!method || (!CREATES_RECORD_RE.test(method) && !TRADE_VERB_RE.test(method))) return undefined;
  const origin = originOf(sourceCode, callee) ?? originThroughParameter(sourceCode, callee) ?? (callee.type === T.MemberExpression ? writtenOrigin(sourceCode, callee.object, 0) : undefined);
  if (origin && (BUILTIN_MODULES.has(origin.module.replace(/^node:/, '')) || LOCAL_API_MODULES.has(origin.module))) return undefined;
  const installed = !!origin && !isProjectModule(origin.module);
  if (callee.type === T.Identifier) return installed && CREATES_RECORD_RE.test(method) ? method : undefined;
  const root = chainRoot(callee);
  if (root.type === T.Identifier && LOCAL_GLOBALS.has(root.name) && !variableOf(sourceCode, root)?.defs.length) return undefined;
  // A method this file defines (`Bitmex.createOrders(rows)`, a static mapper of the project's own
  // class): what it does is in its body, judged there.
  if (sameFileFunction(callee, { sourceCode })) return undefined;
  return CREATES_RECORD_RE.test(method) || installed ? method : undefined;
}

/**
 * Where a created record's idempotency key stands among the call's arguments: `per-attempt` (made
 * inside `region`, with the node), `stable`, `unknown` (an argument that may be an options object
 * the file does not show: a spread, or a name read as an object, `opts.size`, `...params`), or `none`.
 * Scalars (`symbol`, `price`) and callbacks carry no key.
 */
export function recordKey(sourceCode: TSESLint.SourceCode, call: TSESTree.CallExpression, region: Node, settings: RetrySettings): { kind: 'stable' | 'per-attempt' | 'none' | 'unknown'; node?: Node } {
  let unknown = false;
  for (const a of call.arguments) {
    if (a.type === T.SpreadElement) return { kind: 'unknown' };
    const u = unwrap(a);
    if (u.type === T.ArrowFunctionExpression || u.type === T.FunctionExpression || u.type === T.Literal || u.type === T.TemplateLiteral) continue;
    if (resolveObjectLiteral(sourceCode, u)) {
      const k = keyInCallOptions(sourceCode, u, region, settings);
      if (k.kind === 'stable' || k.kind === 'per-attempt') return k;
      if (k.kind === 'unknown') unknown = true;
    } else if (u.type === T.Identifier && readAsObject(sourceCode, u)) unknown = true;
    else if (u.type === T.CallExpression || u.type === T.MemberExpression) {
      // `buildParams(…)`, `this.options`: a value named for options may hold a key; `toAmount(x)`, `order.price` are scalars.
      const name = u.type === T.CallExpression ? calleeName(u) : propertyName(u);
      if (name && OPTIONS_NAME_RE.test(name)) unknown = true;
    }
  }
  return { kind: unknown ? 'unknown' : 'none' };
}

/** Names of values that hold a call's options (`params`, `opts`, `buildOrderOptions`, `this.config`). */
const OPTIONS_NAME_RE = /param|option|opts|payload|body|config|args|request/i;

/** Whether a name's value is used as an object somewhere in its scope (`opts.size`, `{ ...opts }`, `Object.assign(opts, …)`): it may carry options. */
function readAsObject(sourceCode: TSESLint.SourceCode, id: TSESTree.Identifier): boolean {
  const v = variableOf(sourceCode, id);
  if (!v) return true;
  return v.references.some((r) => {
    const p = r.identifier.parent;
    return (p?.type === T.MemberExpression && p.object === r.identifier) || p?.type === T.SpreadElement || (p?.type === T.CallExpression && calleeIsObjectAssign(p));
  });
}

function calleeIsObjectAssign(call: TSESTree.CallExpression): boolean {
  const c = unwrap(call.callee);
  return c.type === T.MemberExpression && unwrap(c.object).type === T.Identifier && (unwrap(c.object) as TSESTree.Identifier).name === 'Object' && propertyName(c) === 'assign';
}
