/**
 * `npm run prereqs [-- start|test]`: installs what `npm test` (or `npm start`) needs beyond Node and
 * npm, as those commands do themselves. Exit 1 when something is still missing.
 */
import { ensurePrerequisites, thisMachine, type Command } from './lib/prerequisites';

const command: Command = process.argv[2] === 'start' ? 'start' : 'test';
const ok = ensurePrerequisites(command, thisMachine, (line) => process.stdout.write(`[prereqs] ${line}\n`));
if (ok) process.stdout.write(`[prereqs] everything \`npm ${command}\` needs is present.\n`);
process.exit(ok ? 0 : 1);
