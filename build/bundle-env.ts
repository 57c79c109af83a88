import { existsSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Plugin } from "esbuild";
import { EnvLoadError } from "../src/errors.ts";

let embeddedEsbuild: string | undefined;

/** The compiled binary carries esbuild's executable; this points the bundler at it. */
export function useEmbeddedEsbuild(path: string): void {
  embeddedEsbuild = path;
}

let esbuildReady: Promise<typeof import("esbuild")> | undefined;

/** esbuild, with the embedded executable written out once however many bundles start at once. */
function loadEsbuild(): Promise<typeof import("esbuild")> {
  return (esbuildReady ??= (async () => {
    if (embeddedEsbuild && !process.env.ESBUILD_BINARY_PATH) {
      // esbuild runs its executable as a child process, so it must exist as a real file.
      const bytes = await Bun.file(embeddedEsbuild).bytes();
      const path = join(tmpdir(), `awm-esbuild-${Bun.hash(bytes).toString(16)}`);
      if (!existsSync(path)) {
        const tmp = `${path}.${process.pid}`;
        writeFileSync(tmp, bytes, { mode: 0o755 });
        renameSync(tmp, path);
      }
      process.env.ESBUILD_BINARY_PATH = path;
    }
    return import("esbuild");
  })());
}

/** Compiles one TypeScript snippet, to find its syntax errors; returns the first, or null. */
export async function tsSyntaxError(code: string): Promise<string | null> {
  const esbuild = await loadEsbuild();
  try {
    await esbuild.transform(code, { loader: "ts", logLevel: "silent" });
    return null;
  } catch (err) {
    const first = (err as { errors?: { text: string; location?: { line: number; column: number } | null }[] }).errors?.[0];
    return first ? `${first.text}${first.location ? ` (line ${first.location.line}, column ${first.location.column})` : ""}` : (err as Error).message;
  }
}

/** The only modules env code may import besides its own files; the worker provides them. */
export const ENV_IMPORTS = ["awm/envkit", "valibot"] as const;

/** The bundle's entry: tools.ts, and verify.ts when the env has one (imported envs may verify in Python only). */
const entry = (withVerify: boolean) =>
  `import env from "./tools.ts";\n${withVerify ? 'import verifiers from "./verify.ts";' : "const verifiers = {};"}\nexport { env, verifiers };\n`;

/** Refuses every import that is neither relative nor allowed, so env code cannot reach fs, net or process. */
const onlyAllowedImports: Plugin = {
  name: "awm-env-imports",
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === "entry-point" || args.path.startsWith(".") || args.path.startsWith("/")) return undefined;
      if ((ENV_IMPORTS as readonly string[]).includes(args.path)) return { path: args.path, external: true };
      return { errors: [{ text: `cannot import '${args.path}': env code may import only ${ENV_IMPORTS.join(", ")} and its own files` }] };
    });
  },
};

/**
 * Bundles an env folder's tools.ts and verify.ts into one CommonJS module, exporting
 * `env` and `verifiers`. Compile errors are reported as file:line: message.
 */
export async function bundleEnv(dir: string, name: string): Promise<string> {
  const esbuild = await loadEsbuild();
  let result;
  try {
    result = await esbuild.build({
      stdin: { contents: entry(existsSync(join(dir, "verify.ts"))), resolveDir: dir, sourcefile: "awm-entry.ts", loader: "ts" },
      bundle: true,
      write: false,
      format: "cjs",
      platform: "neutral",
      target: "esnext",
      logLevel: "silent",
      plugins: [onlyAllowedImports],
    });
  } catch (err) {
    const errors = (err as { errors?: { text: string; location?: { file: string; line: number } | null }[] }).errors;
    if (!errors?.length) throw new EnvLoadError(name, `bundling failed: ${(err as Error).message}`);
    const first = errors[0]!;
    const at = first.location ? `${first.location.file.replace(/^.*\//, "")}:${first.location.line}: ` : "";
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : "";
    throw new EnvLoadError(name, `${at}${first.text}${more}`);
  }
  const code = result.outputFiles[0]!.text;
  if (/\bimport\s*\(/.test(code)) throw new EnvLoadError(name, "dynamic import() is not allowed in env code");
  return code;
}
