/** What `npm start` and `npm test` do on a machine that lacks something: install it, or print the one command. No apt-get runs here. */
import { ensurePrerequisites, planPrerequisites, type Machine, type Prerequisite } from '../../../scripts/lib/prerequisites';

type Id = Prerequisite['id'];

/** A machine with `present` installed; apt-get installs what it is asked for (unless told to fail). */
function fakeMachine(present: Id[], options: { isRoot: boolean; hasAptGet?: boolean; aptFails?: boolean }) {
  const installed = new Set<string>(present);
  const runs: string[] = [];
  const byPackage: Record<string, Id> = { 'openjdk-17-jre-headless': 'java', chromium: 'chromium', 'fonts-noto-cjk': 'cjk-fonts' };
  const machine: Machine = {
    has: (id) => installed.has(id),
    isRoot: options.isRoot,
    hasAptGet: options.hasAptGet ?? true,
    run(command, args) {
      runs.push([command, ...args].join(' '));
      if (options.aptFails) return 100;
      if (args[0] === 'install') for (const pkg of args.filter((a) => !a.startsWith('-')).slice(1)) installed.add(byPackage[pkg]);
      return 0;
    },
  };
  const said: string[] = [];
  return { machine, runs, said, say: (line: string) => said.push(line) };
}

describe('prerequisites of npm start and npm test', () => {
  it('start needs Java only; test also Chromium and the CJK fonts', () => {
    const bare = fakeMachine([], { isRoot: true }).machine;
    expect(planPrerequisites('start', bare)).toEqual({ action: 'install', packages: ['openjdk-17-jre-headless'] });
    expect(planPrerequisites('test', bare)).toEqual({ action: 'install', packages: ['openjdk-17-jre-headless', 'chromium', 'fonts-noto-cjk'] });
    expect(planPrerequisites('start', fakeMachine(['java'], { isRoot: false }).machine)).toEqual({ action: 'none' });
  });

  it('as root with apt-get: installs what is missing itself and goes on', () => {
    const m = fakeMachine(['java'], { isRoot: true });
    expect(ensurePrerequisites('test', m.machine, m.say)).toBe(true);
    expect(m.runs).toEqual(['apt-get update -qq', 'apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk']);
    expect(m.said.at(-1)).toBe('installed: chromium fonts-noto-cjk');
  });

  it('not root (or no apt-get): runs nothing and prints the one command', () => {
    for (const options of [{ isRoot: false }, { isRoot: true, hasAptGet: false }]) {
      const m = fakeMachine([], options);
      expect(ensurePrerequisites('start', m.machine, m.say)).toBe(false);
      expect(m.runs).toEqual([]);
      expect(m.said).toHaveLength(1);
      expect(m.said[0].split('\n')[1].trim()).toBe('sudo apt-get update && sudo apt-get install -y openjdk-17-jre-headless');
    }
  });

  it('apt-get failing: stops with the command for what is still missing', () => {
    const m = fakeMachine([], { isRoot: true, aptFails: true });
    expect(ensurePrerequisites('start', m.machine, m.say)).toBe(false);
    expect(m.said.at(-1)).toMatch(/\n {2}sudo apt-get update && sudo apt-get install -y openjdk-17-jre-headless$/);
  });

  it('nothing missing: runs nothing, says nothing', () => {
    const m = fakeMachine(['java', 'chromium', 'cjk-fonts'], { isRoot: true });
    expect(ensurePrerequisites('test', m.machine, m.say)).toBe(true);
    expect([m.runs, m.said]).toEqual([[], []]);
  });
});
