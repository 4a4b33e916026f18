import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { Origin } from '../scope';
import type { RetrySite } from '../types';
import type { RetrySettings } from '../../utils/settings';
import type { LibraryDocs } from './docs';

/** What an adapter may use besides the call it is given. */
export interface LibraryContext {
  sourceCode: TSESLint.SourceCode;
  settings: RetrySettings;
  /** Resolves where an expression's value comes from (imports, require, const bindings, instances). */
  originOf(node: TSESTree.Node | null | undefined): Origin | undefined;
  /** Every call and `new` in the file, with its callee's origin when it resolves to a module. */
  calls: readonly { node: TSESTree.CallExpression | TSESTree.NewExpression; origin: Origin | undefined }[];
  /** Object literals an adapter has read as options (see `resolveObject`): typed configuration already judged at its registration. */
  consumed?: Set<TSESTree.Node>;
}

/**
 * Turns calls into one library into retry sites. `analyze` is called once per call or `new`
 * whose callee resolves to one of `packages` (and, for `anyCall`, once per call in the file).
 */
export interface LibraryAdapter {
  /** Package names whose imports this adapter handles. */
  packages: readonly string[];
  /** Further module specifiers it handles, by shape (a project file such as `./retry-with-backoff`). */
  matchesModule?(module: string): boolean;
  /** Text every module `matchesModule` accepts contains (`retry-with-backoff`): a file without it is skipped early. */
  moduleWords?: readonly string[];
  /** Returns the retry sites this call opens (usually zero or one). Never throws on valid syntax. */
  analyze(node: TSESTree.CallExpression | TSESTree.NewExpression, origin: Origin, ctx: LibraryContext): RetrySite[];
  /** What the adapter checks, rendered into `docs/libraries.md` (see `./docs`). */
  docs?: LibraryDocs;
  /**
   * Options types of the library (K3, PRODUCT "Judgement calls"): an object literal annotated, cast
   * (`as`) or checked (`satisfies`) with one of them is the library's retry configuration wherever
   * it is registered. Each type is a path from the module (`['Options']`, `['RetryLink', 'Options']`).
   */
  /**
   * Configuration recognised by its shape rather than by a call (K3), such as an rxjs notifier
   * defined apart from its `retryWhen`. Called once per file, after every call was analysed, so
   * `ctx.consumed` tells what a registration already covered.
   */
  unregistered?(ctx: LibraryContext): RetrySite[];
  /**
   * `unregistered` runs in every file, not only in files that import one of `packages`: the
   * configuration is recognised by a shape that is the library's own (SWR's
   * `onErrorRetry(error, key, config, revalidate, opts)`), and lives in files that need not import it.
   * The words listed must appear in a file's text for the shape to be there (`['onErrorRetry']`):
   * a file without any of them is skipped without a walk.
   */
  byShape?: readonly string[];
  typed?: {
    types: readonly (readonly string[])[];
    /** Sites of such an object that no call in the file consumed; [] when it sets no retry option. */
    analyze(literal: TSESTree.ObjectExpression, ctx: LibraryContext): RetrySite[];
  };
}
