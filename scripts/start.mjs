// `npm start`: set up a fresh clone and open the extension in VS Code.
// Installs dependencies when missing, builds, packages trtc-api-explorer.vsix, then:
//  - with a `code` command on PATH: opens a VS Code window with the extension loaded from this folder
//    (`--extensionDevelopmentPath`), so edits are one reload away;
//  - otherwise: says where the .vsix is and how to install it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = (cmd, args, opts = {}) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32', ...opts });
  if (r.status !== 0) {
    console.error(`\n✘ ${cmd} ${args.join(' ')} failed`);
    process.exit(r.status || 1);
  }
};

if (!fs.existsSync(path.join(root, 'node_modules/.package-lock.json'))) {
  console.log('• installing dependencies (npm ci)');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}
console.log('• building and packaging');
run('npm', ['run', '--silent', 'package']);
const vsix = path.join(root, 'trtc-api-explorer.vsix');

const which = spawnSync(process.platform === 'win32' ? 'where' : 'which', [process.env.VSCODE_CLI || 'code'], { encoding: 'utf8' });
const code = which.status === 0 ? which.stdout.split(/\r?\n/)[0].trim() : '';
if (code && !process.argv.includes('--no-open')) {
  console.log(`• opening VS Code with the extension loaded from ${root}`);
  run(code, ['--extensionDevelopmentPath', root, '--new-window']);
  console.log('\nIn the new window, open the TRTC API Explorer view in the activity bar.');
} else {
  console.log(`
✔ Built ${path.relative(process.cwd(), vsix)} (${(fs.statSync(vsix).size / 1024).toFixed(0)} KB).

No \`code\` command was found on PATH, so nothing was opened. To install the extension:
  • in VS Code: Extensions view → "…" menu → Install from VSIX… → choose ${vsix}
  • or from a terminal where \`code\` works: code --install-extension ${vsix}
The command line is ready too: node ${path.relative(process.cwd(), path.join(root, 'dist/cli.cjs'))} --help
`);
}
