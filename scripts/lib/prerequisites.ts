/**
 * What this project needs beyond Node 20 and npm, per command: `npm start` needs Java >= 17 (DynamoDB
 * Local); `npm test` also Debian's Chromium and CJK fonts (end-to-end tests). Each command checks
 * its own and installs what is missing when it can (root with apt-get, as on a fresh Debian machine
 * or CI); otherwise it prints the one command that installs them, and stops.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { javaMajorVersion } from './dynamodb-local';

export type Command = 'start' | 'test';

export interface Prerequisite {
  id: 'java' | 'chromium' | 'cjk-fonts';
  aptPackage: string;
  neededBy: Command[];
}

export const PREREQUISITES: Prerequisite[] = [
  { id: 'java', aptPackage: 'openjdk-17-jre-headless', neededBy: ['start', 'test'] },
  { id: 'chromium', aptPackage: 'chromium', neededBy: ['test'] },
  { id: 'cjk-fonts', aptPackage: 'fonts-noto-cjk', neededBy: ['test'] },
];

/** What the decision looks at, and the one thing it may do: run a command (apt-get). Injected in tests. */
export interface Machine {
  has(id: Prerequisite['id']): boolean;
  isRoot: boolean;
  hasAptGet: boolean;
  run(command: string, args: string[]): number;
}

export type Plan = { action: 'none' } | { action: 'install'; packages: string[] } | { action: 'print'; packages: string[]; command: string };

export const installCommand = (packages: string[]) => `sudo apt-get update && sudo apt-get install -y ${packages.join(' ')}`;

export function missingPackages(command: Command, machine: Pick<Machine, 'has'>): string[] {
  return PREREQUISITES.filter((p) => p.neededBy.includes(command) && !machine.has(p.id)).map((p) => p.aptPackage);
}

export function planPrerequisites(command: Command, machine: Pick<Machine, 'has' | 'isRoot' | 'hasAptGet'>): Plan {
  const packages = missingPackages(command, machine);
  if (packages.length === 0) return { action: 'none' };
  if (machine.isRoot && machine.hasAptGet) return { action: 'install', packages };
  return { action: 'print', packages, command: installCommand(packages) };
}

/** Installs what `command` lacks when it can; true when everything is there. Says what it does on `say`. */
export function ensurePrerequisites(command: Command, machine: Machine, say: (line: string) => void): boolean {
  const plan = planPrerequisites(command, machine);
  if (plan.action === 'none') return true;
  if (plan.action === 'install') {
    say(`installing with apt-get: ${plan.packages.join(' ')}`);
    const ok =
      machine.run('apt-get', ['update', '-qq']) === 0 &&
      machine.run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...plan.packages]) === 0;
    const still = missingPackages(command, machine);
    if (ok && still.length === 0) {
      say(`installed: ${plan.packages.join(' ')}`);
      return true;
    }
    say(`apt-get could not install everything; missing: ${still.join(' ')}. Run:\n  ${installCommand(still)}`);
    return false;
  }
  say(`missing: ${plan.packages.join(' ')}. Install them with this one command, then run it again:\n  ${plan.command}`);
  return false;
}

/** This machine, probed for real. */
export const thisMachine: Machine = {
  has(id) {
    switch (id) {
      case 'java':
        return (javaMajorVersion() ?? 0) >= 17;
      case 'chromium':
        return existsSync('/usr/bin/chromium');
      case 'cjk-fonts':
        return /Noto Sans CJK/i.test(spawnSync('fc-list', { encoding: 'utf8' }).stdout ?? '');
    }
  },
  isRoot: process.getuid?.() === 0,
  hasAptGet: spawnSync('sh', ['-c', 'command -v apt-get'], { encoding: 'utf8' }).status === 0,
  run(command, args) {
    return spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status ?? 1;
  },
};
