// The hand-written VS Code snippets: one body each, valid in both TypeScript and JavaScript.
// snippets/build-helper.mjs adds the whole-helper snippet and writes typescript.json and javascript.json.
// Tab stops reuse the helper's option names and defaults (snippets/retry-with-backoff.ts).

const JITTER_CHOICE = 'full,equal,decorrelated,none';

/** @type {{ name: string, prefix: string, description: string, body: string[] }[]} */
export const snippetBodies = [
  {
    name: 'Retry with backoff',
    prefix: 'retry-with-backoff',
    description: 'Call retryWithBackoff with every option as a tab stop (needs the retry-with-backoff helper).',
    body: [
      'const ${1:result} = await retryWithBackoff(',
      '  async ({ attempt, idempotencyKey }) => {',
      '    ${0:// the operation: attempt counts from 1, idempotencyKey is the same on every attempt}',
      '  },',
      '  {',
      '    maxAttempts: ${2:3},',
      '    baseDelayMs: ${3:100},',
      '    maxDelayMs: ${4:20000},',
      `    jitter: '\${5|${JITTER_CHOICE}|}',`,
      '    maxRetryAfterMs: ${6:60000},',
      '    deadlineMs: ${7:30000},',
      '    onRetry: ({ attempt, delayMs, error }) => console.warn(`Attempt \\${attempt} failed, retrying in \\${delayMs} ms`, error),',
      '  },',
      ');',
    ],
  },
  {
    name: 'Fetch with retries',
    prefix: 'retry-fetch',
    description: 'A fetch retried with capped, jittered backoff on network errors, 408, 429 and 5xx, honouring Retry-After.',
    body: [
      'const ${1:response} = await retryWithBackoff(',
      '  async () => {',
      '    const res = await fetch(${2:url}, { signal: AbortSignal.timeout(${3:10000}) });',
      '    if (!res.ok) throw Object.assign(new Error(`HTTP \\${res.status}`), { status: res.status, headers: res.headers });',
      '    return res;',
      '  },',
      `  { maxAttempts: \${4:3}, baseDelayMs: \${5:100}, maxDelayMs: \${6:20000}, jitter: '\${7|${JITTER_CHOICE}|}', maxRetryAfterMs: \${8:60000} },`,
      ');',
      '$0',
    ],
  },
  {
    name: 'Retry loop honouring Retry-After',
    prefix: 'retry-after-loop',
    description: 'A hand-written retry loop: waits at least the server\'s Retry-After when sent (gives up when it asks for more than the cap), else a jittered backoff.',
    body: [
      'const maxAttempts = ${1:3};',
      'let ${2:response} = await fetch(${3:url});',
      'for (let attempt = 1; attempt < maxAttempts && isRetryableStatus(${2:response}.status); attempt++) {',
      "  const retryAfterMs = parseRetryAfter(${2:response}.headers.get('retry-after'));",
      '  if (retryAfterMs !== undefined && retryAfterMs > ${7:60000}) break; // longer than we wait: give up, never come back early (RFC 9110 §10.2.3)',
      `  const backoffMs = backoffDelay(attempt, { baseDelayMs: \${4:100}, maxDelayMs: \${5:20000}, jitter: '\${6|${JITTER_CHOICE}|}' });`,
      '  const delayMs = retryAfterMs === undefined ? backoffMs : Math.max(backoffMs, retryAfterMs);',
      '  await new Promise((resolve) => setTimeout(resolve, delayMs));',
      '  ${2:response} = await fetch(${3:url});',
      '}',
      '$0',
    ],
  },
  {
    name: 'Idempotent POST with retries',
    prefix: 'retry-idempotency-key',
    description: 'Creates one idempotency key before the retries, so every attempt of the POST sends the same key.',
    body: [
      'const ${1:idempotencyKey} = createIdempotencyKey();',
      'const ${2:response} = await retryWithBackoff(',
      '  async () => {',
      '    const res = await fetch(${3:url}, {',
      "      method: '${4|POST,PATCH|}',",
      "      headers: { 'Content-Type': 'application/json', '${5:Idempotency-Key}': ${1:idempotencyKey} },",
      '      body: JSON.stringify(${6:payload}),',
      '      signal: AbortSignal.timeout(${7:10000}),',
      '    });',
      '    if (!res.ok) throw Object.assign(new Error(`HTTP \\${res.status}`), { status: res.status, headers: res.headers });',
      '    return res;',
      '  },',
      '  { maxAttempts: ${8:3}, baseDelayMs: ${9:100}, maxDelayMs: ${10:20000}, idempotencyKey: ${1:idempotencyKey} },',
      ');',
      '$0',
    ],
  },
];
