// The server's state for the client's language status item (`retryLint/status`), and error logging.
import type { Connection } from 'vscode-languageserver/node';
import { StatusNotification, type StatusParams, type StatusState } from '../shared/protocol';

/** Sends `retryLint/status` when the state or message changes; logs problems with their URI and rule. */
export class StatusReporter {
  private last: StatusParams | undefined;

  constructor(private readonly connection: Pick<Connection, 'sendNotification' | 'console'>) {}

  /** Sends the state unless it is the one last sent. Never throws. */
  report(state: StatusState, message: string, uri?: string): void {
    const next: StatusParams = uri ? { state, message, uri } : { state, message };
    if (this.last && this.last.state === next.state && this.last.message === next.message && this.last.uri === next.uri) return;
    this.last = next;
    try {
      void this.connection.sendNotification(StatusNotification, next); // fire-and-forget: a notification has no answer
    } catch {
      // The connection is gone (shutting down): nothing to tell.
    }
  }

  /** Logs a failure of one document (`uri`, and `ruleId` when known) and sets the error state. */
  failure(uri: string, what: string, error: unknown, ruleId?: string): void {
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    this.log('error', `${what} failed for ${uri}${ruleId ? ` (rule ${ruleId})` : ''}: ${text}`);
    const first = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
    this.report('error', `${what} failed for ${uri}${ruleId ? ` in ${ruleId}` : ''}: ${first}`, uri);
  }

  log(level: 'info' | 'warn' | 'error', text: string): void {
    try {
      if (level === 'error') this.connection.console.error(text);
      else if (level === 'warn') this.connection.console.warn(text);
      else this.connection.console.info(text);
    } catch {
      // No console (shutting down).
    }
  }
}
