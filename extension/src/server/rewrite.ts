// The rewrite plan behind "Use the backoff helper" is built by the plugin, from its analysis
// model (eslint-plugin/src/rewrite/plan.ts); the server only creates the helper file and applies it.
export { planRewrite, planRewrites, type OffsetEdit, type RewriteOptions, type RewritePlan } from '../../../eslint-plugin/src/rewrite/plan';
