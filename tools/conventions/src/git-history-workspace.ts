import { appendFileSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { nxBin, workspaceRoot } from './fixture-workspace';

export interface GitHistoryWorkspace {
  root: string;
  /** Appends `text` to each file (paths relative to the clone) and commits them as one commit. */
  commitAppend(files: string[], text: string, message: string): void;
  /** `nx show projects --affected` between two revisions of the clone, optionally only projects with `withTarget`. */
  affected(options: { base: string; head: string; withTarget?: string }): string[];
  dispose(): void;
}

/**
 * A real git clone of Pulse's committed history (HEAD, not the working tree) sharing the
 * workspace's node_modules, so `nx affected` runs on true commits exactly as CI would.
 */
export function createGitHistoryWorkspace(): GitHistoryWorkspace {
  const parent = mkdtempSync(join(tmpdir(), 'pulse-affected-'));
  const root = join(parent, 'workspace');
  // Drop inherited GIT_* and NX_* variables: a parent `nx test` or git hook must not steer the clone.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(GIT|NX)_/.test(key)));
  const env = { ...inherited, NX_NO_CLOUD: 'true', NX_DAEMON: 'false', NX_TUI: 'false', NX_WORKSPACE_ROOT_PATH: root };

  const run = (command: string, args: string[], cwd: string): string => {
    const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 60_000 });
    if (result.status !== 0) {
      throw new Error(`${command} ${args.join(' ')} exited ${result.status}\n${result.stdout}\n${result.stderr}`);
    }
    return result.stdout;
  };
  const git = (...args: string[]): string =>
    run('git', ['-c', 'user.name=pulse-test', '-c', 'user.email=pulse-test@example.invalid', ...args], root);

  run('git', ['clone', '--quiet', '--no-hardlinks', workspaceRoot, root], parent);
  symlinkSync(join(workspaceRoot, 'node_modules'), join(root, 'node_modules'), 'dir');

  return {
    root,
    commitAppend: (files, text, message) => {
      for (const file of files) appendFileSync(join(root, file), text);
      git('add', '--', ...files);
      git('commit', '--quiet', '--no-verify', '-m', message);
    },
    affected: ({ base, head, withTarget }) => {
      const filter = withTarget ? ['--withTarget', withTarget] : [];
      const stdout = run(nxBin, ['show', 'projects', '--affected', `--base=${base}`, `--head=${head}`, ...filter, '--json'], root);
      return (JSON.parse(stdout) as string[]).sort();
    },
    dispose: () => rmSync(parent, { recursive: true, force: true }),
  };
}
