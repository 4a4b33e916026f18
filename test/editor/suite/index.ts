// Mocha entry point run inside VS Code's extension host (extensionTestsPath). Bundled by
// test/editor/build.mjs to extension/test-out/, which must lie inside the extension folder.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

export async function run(): Promise<void> {
  const marker = vscode.workspace.workspaceFolders?.[0] && path.join(vscode.workspace.workspaceFolders[0].uri.fsPath, '.retry-lint-test.json');
  const mode = marker && fs.existsSync(marker) ? (JSON.parse(fs.readFileSync(marker, 'utf8')) as { mode: string }).mode : 'unknown';
  console.log(`[retry-lint editor suite] mode=${mode} vscode=${vscode.version} trusted=${String(vscode.workspace.isTrusted)}`);
  const mocha = new Mocha({ ui: 'bdd', timeout: 240_000, color: false, reporter: 'spec' });
  const grep = process.env.RETRY_LINT_EDITOR_GREP;
  if (grep) mocha.grep(grep);
  mocha.addFile(path.join(__dirname, mode === 'restricted' ? 'restricted.test.js' : 'trusted.test.js'));
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  fs.writeFileSync(path.join(__dirname, `result-${mode}.json`), JSON.stringify({ mode, failures }) + '\n');
  if (failures > 0) throw new Error(`${failures} editor test(s) failed`);
}
