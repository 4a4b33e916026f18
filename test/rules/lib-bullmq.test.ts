import { RuleTester } from '@typescript-eslint/rule-tester';
import noUnboundedRetry from '../../eslint-plugin/src/rules/no-unbounded-retry';
import requireBackoff from '../../eslint-plugin/src/rules/require-backoff';
import requireJitter from '../../eslint-plugin/src/rules/require-jitter';
import requireMaxDelay from '../../eslint-plugin/src/rules/require-max-delay';

const ruleTester = new RuleTester();

ruleTester.run('require-jitter', requireJitter, {
  valid: [
    // Default attempts (1): the job is not retried.
    "import { Queue } from 'bullmq';\nconst q = new Queue('q');\nq.add('job', {}, { backoff: { type: 'fixed', delay: 1000 } });",
    // Exponential with jitter.
    "import { Queue } from 'bullmq';\nconst q = new Queue('q');\nq.add('job', {}, { attempts: 4, backoff: { type: 'exponential', delay: 1000, jitter: 0.5 } });",
    // Custom strategy: computed by user code.
    "import { Queue } from 'bullmq';\nconst q = new Queue('q');\nq.add('job', {}, { attempts: 4, backoff: { type: 'linear-ish', delay: 1000 } });",
    // Options spread in.
    "import { Queue } from 'bullmq';\ndeclare const common: object;\nconst q = new Queue('q');\nq.add('job', {}, { ...common, backoff: 1000 });",
  ],
  invalid: [
    {
      // Bull 3/4 job options have no `jitter`: the finding stands, with no edit that would do nothing.
      name: 'Bull 3 exponential without jitter: no jitter edit, the wait as Bull computes it',
      code: "import Queue from 'bull';\nconst q = new Queue('q');\nq.add({}, { attempts: 3, backoff: { type: 'exponential', delay: 1000 } });",
      errors: [{ messageId: 'noJitter', data: { delay: 'a wait that grows to 3000 ms' }, line: 3, column: 26, suggestions: [] }],
    },
    {
      name: 'exponential without jitter',
      code: "import { Queue } from 'bullmq';\nconst q = new Queue('q');\nq.add('job', {}, { attempts: 4, backoff: { type: 'exponential', delay: 1000 } });",
      errors: [
        {
          messageId: 'noJitter',
          line: 3,
          column: 33,
          suggestions: [
            {
              messageId: 'applyLibraryFix',
              data: { description: 'Add jitter (`jitter: 0.5`)' },
              output: "import { Queue } from 'bullmq';\nconst q = new Queue('q');\nq.add('job', {}, { attempts: 4, backoff: { type: 'exponential', delay: 1000, jitter: 0.5 } });",
            },
          ],
        },
      ],
    },
    {
      name: 'queue defaults, aliased import, options through a const',
      code: "import { Queue as JobQueue } from 'bullmq';\nconst defaultJobOptions = { attempts: 3, backoff: { type: 'exponential', delay: 500, jitter: 0 } };\nnew JobQueue('q', { defaultJobOptions });",
      errors: [
        {
          messageId: 'noJitter',
          line: 2,
          column: 42,
          suggestions: [
            {
              messageId: 'applyLibraryFix',
              data: { description: 'Add jitter (`jitter: 0.5`)' },
              output: "import { Queue as JobQueue } from 'bullmq';\nconst defaultJobOptions = { attempts: 3, backoff: { type: 'exponential', delay: 500, jitter: 0.5 } };\nnew JobQueue('q', { defaultJobOptions });",
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('require-backoff', requireBackoff, {
  valid: ["const { Queue } = require('bullmq');\nconst q = new Queue('q');\nq.add('job', {}, { attempts: 3, backoff: { type: 'exponential', delay: 1000, jitter: 0.3 } });"],
  invalid: [
    {
      name: 'fixed backoff object',
      code: "import { Queue } from 'bullmq';\nconst mail = new Queue('mail');\nexport const send = (to: string) => mail.add('welcome', { to }, { attempts: 5, backoff: { type: 'fixed', delay: 2000, jitter: 0.2 } });",
      errors: [
        {
          messageId: 'constantDelay',
          line: 3,
          column: 80,
          suggestions: [
            {
              messageId: 'applyLibraryFix',
              data: { description: "Use exponential backoff (`type: 'exponential'`)" },
              output: "import { Queue } from 'bullmq';\nconst mail = new Queue('mail');\nexport const send = (to: string) => mail.add('welcome', { to }, { attempts: 5, backoff: { type: 'exponential', delay: 2000, jitter: 0.2 } });",
            },
          ],
        },
      ],
    },
    {
      name: 'attempts with no backoff: retried at once (CommonJS)',
      code: "const { Queue } = require('bullmq');\nconst q = new Queue('q');\nq.add('job', {}, { attempts: 3 });",
      errors: [{ messageId: 'noWait', line: 3, column: 20 }],
    },
    {
      name: 'attempts from the queue defaults, numeric backoff on the job',
      code: "import { Queue } from 'bullmq';\nconst q = new Queue('q', { defaultJobOptions: { attempts: 5 } });\nq.add('job', {}, { backoff: 3000 });",
      errors: [
        { messageId: 'noWait', line: 2, column: 49 },
        {
          messageId: 'constantDelay',
          line: 3,
          column: 20,
          suggestions: [
            {
              messageId: 'applyLibraryFix',
              data: { description: 'Use exponential backoff with jitter' },
              output: "import { Queue } from 'bullmq';\nconst q = new Queue('q', { defaultJobOptions: { attempts: 5 } });\nq.add('job', {}, { backoff: { type: 'exponential', delay: 3000, jitter: 0.5 } });",
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('require-max-delay', requireMaxDelay, {
  valid: [
    "import { Queue } from 'bullmq';\nconst q = new Queue('q');\nq.add('job', {}, { attempts: 6, backoff: { type: 'exponential', delay: 1000, jitter: 0.5 } });",
    // attempts spread in from elsewhere: an unknown, not a finding.
    "import { Queue } from 'bullmq';\ndeclare const base: object;\nconst q = new Queue('q');\nq.add('job', {}, { ...base, backoff: { type: 'exponential', delay: 1000, jitter: 0.5 } });",
  ],
  invalid: [
    {
      // PRODUCT: an unknown attempt bound (an environment variable) and no cap reports; BullMQ has no cap.
      name: 'attempts computed at run time, exponential, no cap',
      code: "import { Queue } from 'bullmq';\nconst q = new Queue('q');\nq.add('job', {}, { attempts: Number(process.env.ATTEMPTS), backoff: { type: 'exponential', delay: 1000, jitter: 0.5 } });",
      errors: [{ messageId: 'uncappedStoredDelay', line: 3, column: 60 }],
    },
    {
      name: 'exponential has no cap in BullMQ',
      code: "import { Queue } from 'bullmq';\nconst q = new Queue('q');\nq.add('job', {}, { attempts: 15, backoff: { type: 'exponential', delay: 1000, jitter: 0.5 } });",
      errors: [{ messageId: 'delayTooLong', line: 3, column: 34 }],
    },
  ],
});

ruleTester.run('no-unbounded-retry', noUnboundedRetry, {
  valid: ["import { FlowProducer } from 'bullmq';\nconst flow = new FlowProducer();\nflow.add({ name: 'a', queueName: 'q', opts: { attempts: 3, backoff: { type: 'exponential', delay: 100, jitter: 1 } } });"],
  invalid: [
    {
      name: 'flow child with attempts Infinity',
      code: "import { FlowProducer } from 'bullmq';\nconst flow = new FlowProducer();\nflow.add({ name: 'a', queueName: 'q', children: [{ name: 'b', queueName: 'q', opts: { attempts: Infinity, backoff: { type: 'fixed', delay: 100, jitter: 1 } } }] });",
      errors: [{ messageId: 'unboundedRetry', line: 3, column: 87 }],
    },
  ],
});
