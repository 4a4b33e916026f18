import * as fs from 'node:fs';
import { sourceCodeOf } from './extension/src/server/linting';
import { getRetrySitesFor } from './eslint-plugin/src/analysis/index';
for (const f of process.argv.slice(2)) {
  const text = fs.readFileSync(f, 'utf8');
  const sc = sourceCodeOf({ filePath: f, text })!;
  for (const s of getRetrySitesFor(sc as never)) for (const c of s.clientErrorRetries) console.log(f.split('/').pop(), s.kind, c.reason, c.node.type, JSON.stringify(sc.getText(c.node).slice(0, 60)));
}
