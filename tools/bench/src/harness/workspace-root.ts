import { existsSync } from 'node:fs';
import path from 'node:path';

/** The nearest directory holding nx.json, from `start` upwards (then from this file's folder). */
export function workspaceRoot(start = process.cwd()): string {
  for (const from of [start, __dirname]) {
    let dir = path.resolve(from);
    for (;;) {
      if (existsSync(path.join(dir, 'nx.json'))) return dir;
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  throw new Error(`no nx.json above ${start}: run the bench inside the Pulse workspace`);
}
