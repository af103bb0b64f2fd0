// Runs the CLI's main() in process and captures what it writes: the same code path as the installed binary.
import { main } from '../../src/cli/main';

export type CliRun = { code: number; stdout: string; stderr: string; json: () => unknown };

export const runCli = async (args: readonly string[], nowMs?: number): Promise<CliRun> => {
  let stdout = '';
  let stderr = '';
  const out = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const err = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await main(args, nowMs);
    return { code, stdout, stderr, json: () => JSON.parse(stdout) as unknown };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
};
