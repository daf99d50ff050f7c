import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { WORKSPACE_ROOT } from '../workspace-root';

export function readRepoFile(...segments: string[]): string {
  return readFileSync(join(WORKSPACE_ROOT, ...segments), 'utf8');
}

/** A GitHub Actions workflow, typed as far as the checks need. */
export interface Workflow {
  readonly name?: string;
  readonly on: Record<string, { branches?: string[] } | null>;
  readonly permissions?: Record<string, string>;
  readonly env?: Record<string, string>;
  readonly jobs: Record<string, WorkflowJob>;
}

export interface WorkflowJob {
  readonly 'runs-on': string;
  readonly needs?: string | string[];
  readonly environment?: string | { name: string };
  readonly permissions?: Record<string, string>;
  readonly env?: Record<string, string>;
  readonly steps: readonly WorkflowStep[];
}

export interface WorkflowStep {
  readonly uses?: string;
  readonly run?: string;
  readonly with?: Record<string, string | number | boolean>;
}

export function readWorkflow(file: string): Workflow {
  // YAML 1.2 core schema: `on` stays the string key "on" (YAML 1.1 would read it as true).
  return parse(readRepoFile('.github', 'workflows', file)) as Workflow;
}
