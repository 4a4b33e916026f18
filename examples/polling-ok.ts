// Clean. Polling is not retrying: the export job is checked every 2 s until it is done, and a
// successful answer ("still running") is what makes the loop go round again.
import { setTimeout as sleep } from 'node:timers/promises';

interface ExportJob {
  id: string;
  state: 'queued' | 'running' | 'done' | 'failed';
  downloadUrl?: string;
}

export async function waitForExport(jobId: string): Promise<string> {
  for (;;) {
    const res = await fetch(`https://reports.example.com/exports/${jobId}`);
    if (!res.ok) throw new Error(`export status failed with ${res.status}`);
    const job = (await res.json()) as ExportJob;
    if (job.state === 'done' && job.downloadUrl) return job.downloadUrl;
    if (job.state === 'failed') throw new Error(`export ${jobId} failed`);
    await sleep(2000);
  }
}
