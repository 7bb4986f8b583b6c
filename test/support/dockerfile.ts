/** The repository's Dockerfile as data: the runtime stage's environment and CMD, and the path its HEALTHCHECK requests. */
import { readFileSync } from 'node:fs';

const dockerfile = (): string => readFileSync(new URL('../../Dockerfile', import.meta.url), 'utf8');

/** The last `CMD [...]` (the runtime stage's), in exec form. */
export function dockerfileCmd(): string[] {
  const lines = dockerfile().split('\n').filter((l) => l.startsWith('CMD '));
  return JSON.parse(lines.at(-1)!.slice(4)) as string[];
}

/** The path of the URL the HEALTHCHECK fetches. */
export function dockerfileHealthcheckPath(): string {
  const url = /HEALTHCHECK[\s\S]*?fetch\((.*)\)\.then/.exec(dockerfile())?.[1];
  const path = url && /'(\/[^']*)'/.exec(url)?.[1];
  if (!path) throw new Error('The Dockerfile has no HEALTHCHECK fetching a path');
  return path;
}

/** The runtime stage's `ENV KEY=VALUE …` settings: what every container of the image starts with. */
export function dockerfileEnv(): Record<string, string> {
  const runtime = dockerfile().slice(dockerfile().lastIndexOf('\nFROM ')).replace(/\\\n\s*/g, ' ');
  const pairs = runtime.split('\n').filter((l) => l.startsWith('ENV ')).flatMap((l) => l.slice(4).trim().split(/\s+/));
  return Object.fromEntries(pairs.map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]));
}
