// Loads the map's scripts (render/static/*.js) into this Node process, as a page would.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

const STATIC = path.join(__dirname, '..', '..', 'render', 'static');

function load(...names) {
  for (const name of names) {
    vm.runInThisContext(fs.readFileSync(path.join(STATIC, name), 'utf8'), {filename: name});
  }
  return globalThis.TrippMap;
}

module.exports = {load, STATIC};
