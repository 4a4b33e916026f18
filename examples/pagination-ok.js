// Clean. An ordinary loop, not a retry: it walks the pages of a listing and pauses between
// requests to stay under the API's rate; nothing runs again because it failed.
import { setTimeout as sleep } from 'node:timers/promises';

export async function fetchAllRepositories(org, token) {
  const repositories = [];
  let url = `https://git.example.com/api/orgs/${org}/repos?per_page=100`;
  while (url) {
    const res = await fetch(url, { headers: { Authorization: `token ${token}` } });
    if (!res.ok) throw new Error(`listing repositories failed with ${res.status}`);
    repositories.push(...(await res.json()));
    const next = /<([^>]+)>;\s*rel="next"/.exec(res.headers.get('link') ?? '');
    url = next ? next[1] : undefined;
    await sleep(250);
  }
  return repositories;
}
