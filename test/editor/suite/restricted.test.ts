// The editor suite in a restricted (untrusted) window: the bundled rules still report, the
// workspace's ESLint config and node_modules are never loaded, and restricted settings are ignored.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activeExtension, hasCodes, open, waitForDiagnostics, workspaceRoot, wsUri } from './util';

describe('Retry Lint in a restricted (untrusted) window', () => {
  it('runs in Restricted Mode', async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'the window must be untrusted');
    await open('src/loop-constant-delay.ts');
    const ext = await activeExtension();
    assert.ok(ext.isActive, 'the extension activates in Restricted Mode (untrustedWorkspaces: limited)');
  });

  it('shows the bundled findings although the workspace config turns the rules off', async () => {
    const file = 'src/loop-constant-delay.ts';
    await open(file);
    await waitForDiagnostics(wsUri(file), hasCodes('retry/require-backoff', 'retry/require-jitter'), 'bundled findings');
  });

  it('runs no workspace code', () => {
    const marker = path.join(workspaceRoot(), 'workspace-code-ran.txt');
    assert.ok(fs.existsSync(path.join(workspaceRoot(), 'node_modules/eslint/index.js')), 'the trap is in place');
    assert.equal(fs.existsSync(marker), false, fs.existsSync(marker) ? fs.readFileSync(marker, 'utf8') : '');
  });

  it('ignores restricted workspace settings', () => {
    const config = vscode.workspace.getConfiguration('retryLint');
    assert.equal(config.get('helper.path'), '', 'retryLint.helper.path from the workspace is ignored');
    assert.match(fs.readFileSync(path.join(workspaceRoot(), '.vscode/settings.json'), 'utf8'), /outside-the-workspace/, 'the workspace does set it');
  });
});
