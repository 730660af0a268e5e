// Loading a plug-in module (a generator family or a provider) from a path or a package. require()
// loads ES modules on Node ≥ 20.19, which keeps suite loading synchronous. Every failure is one
// line that names the file (or the path looked for) and what to do.
import { createRequire } from 'node:module';
import { isAbsolute, resolve } from 'node:path';

export class PluginLoadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PluginLoadError';
  }
}

/**
 * Loads `path` ('./x.js', '../family', '/abs/dir', or a package name): relative paths against
 * `baseDir`, packages from `baseDir`'s node_modules. `what` names the kind in errors
 * ('generator', 'provider'); `relativeTo` says what relative paths are relative to.
 */
export function requirePlugin(
  path: string,
  baseDir: string,
  what: string,
  relativeTo: string,
): { module: Record<string, unknown>; file: string } {
  const req = createRequire(resolve(baseDir, 'noop.js'));
  const relative = /^\.{1,2}[\\/]/.test(path);
  let file: string;
  try {
    file = req.resolve(relative ? resolve(baseDir, path) : path);
  } catch {
    const where = relative
      ? ` (looked for ${resolve(baseDir, path)}, relative to ${relativeTo})`
      : isAbsolute(path)
        ? ''
        : ' (not installed? paths need a leading ./)';
    throw new PluginLoadError(`${what} module '${path}' not found${where}`);
  }
  try {
    return { module: req(file) as Record<string, unknown>, file };
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const why =
      e.code === 'ERR_REQUIRE_ASYNC_MODULE'
        ? 'it uses top-level await, which plug-ins cannot'
        : /\.[cm]?ts$/.test(file)
          ? 'Node loads plug-ins as JavaScript: compile the TypeScript (tsc) and name the .js file'
          : (e.message ?? String(err)).split('\n')[0];
    throw new PluginLoadError(`${what} module ${file} failed to load: ${why}`);
  }
}

/** Splits './x/index.js#name' into the module path and the export name. */
export function splitExport(ref: string): { path: string; exportName?: string } {
  const hash = ref.lastIndexOf('#');
  return hash < 0 ? { path: ref } : { path: ref.slice(0, hash), exportName: ref.slice(hash + 1) };
}
