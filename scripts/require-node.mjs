// Fails fast when npm scripts run on a Node older than the toolchain needs. The project brings Node 22 as a
// devDependency (node_modules/.bin/node), so this only trips when that install is missing or bypassed.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(`Node ${process.versions.node} is too old: this project needs Node >= 22.18 (it runs TypeScript files with Node's type stripping).\n` +
    'Run `npm install` (it installs Node 22 into node_modules/.bin) and use the npm scripts.');
  process.exit(1);
}
