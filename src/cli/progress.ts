/** Progress messages for long work: shown on an interactive terminal, silent in CI or when piped. */

/**
 * A progress reporter writing one updating line to stderr when it is a TTY and CI is unset.
 * @example const progress = terminalProgress(); progress("reading data");
 */
export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): (message: string) => void {
  if (!stream.isTTY || process.env.CI) return () => {};
  return (message: string) => {
    stream.write(`\r\x1b[2K${message}`);
  };
}

/**
 * Clear the progress line (call before printing results).
 * @example clearProgress();
 */
export function clearProgress(stream: NodeJS.WriteStream = process.stderr): void {
  if (stream.isTTY && !process.env.CI) stream.write("\r\x1b[2K");
}
