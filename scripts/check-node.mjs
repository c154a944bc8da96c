// The suite needs Node 22.12+; the root devDependency on the registry's `node` package puts it first
// on every npm script's PATH, even on machines whose own Node is older.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `Node ${process.versions.node} is running, but QCDC needs 22.12 or later. ` +
      'Run through npm (npm test, npm start) so the bundled Node 22 is used, or reinstall with `npm install`.',
  );
  process.exit(1);
}
