'use strict';

// Parses `--name=value` and `--name value` flags (the interop clients' convention) into an object.
function parseArgs(argv, defaults) {
  const result = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      throw new Error(`Unexpected argument '${arg}': flags look like --name=value.`);
    }
    const eq = arg.indexOf('=');
    let name;
    let value;
    if (eq >= 0) {
      name = arg.slice(2, eq);
      value = arg.slice(eq + 1);
    } else {
      name = arg.slice(2);
      value = argv[++i];
      if (value === undefined) {
        throw new Error(`Flag --${name} needs a value.`);
      }
    }
    if (!(name in result)) {
      throw new Error(`Unknown flag --${name}. Known flags: ${Object.keys(result).map((k) => '--' + k).join(', ')}.`);
    }
    result[name] = value;
  }
  return result;
}

function parseBool(value, name) {
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  throw new Error(`--${name} takes true or false, not '${value}'.`);
}

module.exports = { parseArgs, parseBool };
