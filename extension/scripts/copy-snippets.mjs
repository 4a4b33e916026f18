// Copies the repo's snippets/ (snippet JSON and the backoff helper sources) into extension/snippets/,
// the folder the manifest's contributes.snippets points at and the .vsix ships. Tests are left out.
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const extension = join(dirname(fileURLToPath(import.meta.url)), '..');
const from = join(extension, '..', 'snippets');
const to = join(extension, 'snippets');
rmSync(to, { recursive: true, force: true });
mkdirSync(to, { recursive: true });
let copied = 0;
if (existsSync(from)) {
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    // the snippet JSON and the helper itself (TypeScript and its JavaScript twin); build scripts and tests stay out
    if (!entry.isFile() || !/^(.*\.(json|code-snippets)|retry-with-backoff\.[jt]s)$/.test(entry.name)) continue;
    copyFileSync(join(from, entry.name), join(to, entry.name));
    copied++;
  }
}
console.log(`copy-snippets: ${copied} file(s) from snippets/ to extension/snippets/`);
