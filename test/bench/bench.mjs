// `npm run bench`: runs every *.bench.mjs of this folder in turn (each prints its own table).
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
for (const name of readdirSync(here).filter((f) => f.endsWith('.bench.mjs')).sort()) {
  console.log(`\n# ${name}`);
  const mod = await import(pathToFileURL(join(here, name)).href);
  if (typeof mod.run === 'function') await mod.run();
}
