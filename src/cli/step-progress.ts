/**
 * The progress display of long commands (`run`): on an interactive terminal a `cli-progress` line
 * with the step number out of the total, the elapsed time, the current step's message and, when the
 * message carries a percentage (reading, demeaning, writing report "…: 42%"), a bar within the step.
 * Piped output and CI stay silent; `--quiet` silences it everywhere; `--verbose` prints every message
 * as its own line (also when piped).
 */
import cliProgress from "cli-progress";
import { displayWidth, truncateDisplay } from "../text/display-width.js";

// cli-progress is CommonJS without static named exports: Node's ESM loader gives only the default.
const { Format, Presets, SingleBar } = cliProgress;

/** How progress is shown. */
export type ProgressMode = "bar" | "lines" | "silent";

/** A display of numbered steps; `step` begins the next one and returns where its messages go. */
export interface StepProgress {
  step(name: string): (message: string) => void;
  /** Remove the display (before printing results). */
  stop(): void;
}

/**
 * The mode for the flags and the stream: `--quiet` silent, `--verbose` lines, else a bar on a TTY outside CI.
 * @example progressMode({ quiet: false, verbose: false }, process.stderr); // "bar" on a terminal
 */
export function progressMode(
  flags: { quiet?: boolean; verbose?: boolean },
  stream: NodeJS.WriteStream = process.stderr,
  env: NodeJS.ProcessEnv = process.env,
): ProgressMode {
  if (flags.quiet) return "silent";
  if (flags.verbose) return "lines";
  return stream.isTTY && !env.CI ? "bar" : "silent";
}

/**
 * A step display over `total` steps.
 * @example const p = stepProgress(3, "bar"); const say = p.step("reading"); say("reading x.csv: 40%"); p.stop();
 */
export function stepProgress(
  total: number,
  mode: ProgressMode,
  stream: NodeJS.WriteStream = process.stderr,
): StepProgress {
  const t0 = performance.now();
  let n = 0;
  const elapsed = () => formatElapsed((performance.now() - t0) / 1000);
  if (mode === "silent") return { step: () => () => {}, stop: () => {} };
  if (mode === "lines") {
    return {
      step(name) {
        n++;
        stream.write(`[${n}/${total} ${elapsed()}] ${name}\n`);
        return (message) => stream.write(`[${n}/${total} ${elapsed()}] ${name}: ${message}\n`);
      },
      stop() {},
    };
  }
  const columns = () => Math.max(40, (stream.columns ?? 80) - 1);
  const bar = new SingleBar(
    {
      stream,
      hideCursor: true,
      clearOnComplete: true,
      barsize: 20,
      fps: 8,
      format: (options, params, payload: { name: string; message: string; pct: number | null }) => {
        const head = `[${n}/${total}] ${elapsed()} ${payload.name}`;
        const barText =
          payload.pct === null
            ? ""
            : ` ${Format.BarFormat(params.progress, options)} ${Math.round(payload.pct)}%`;
        const line = `${head}${barText}${payload.message ? ` · ${payload.message}` : ""}`;
        return displayWidth(line) > columns() ? truncateDisplay(line, columns()) : line;
      },
    },
    Presets.shades_classic,
  );
  let started = false;
  return {
    step(name) {
      n++;
      const payload = { name, message: "", pct: null as number | null };
      if (!started) {
        bar.start(100, 0, payload);
        started = true;
      } else bar.update(0, payload);
      return (message) => {
        const pct = percentIn(message);
        bar.update(pct ?? 0, { name, message, pct });
      };
    },
    stop() {
      if (started) bar.stop();
      started = false;
    },
  };
}

/**
 * The percentage a progress message ends with or contains ("reading x.csv: 1,200 rows (42%)" → 42), or null.
 * @example percentIn("demeaning: 35%"); // 35
 */
export function percentIn(message: string): number | null {
  const m = message.match(/(\d{1,3}(?:\.\d+)?)\s?%/);
  if (!m) return null;
  const v = Number(m[1]);
  return v >= 0 && v <= 100 ? v : null;
}

/**
 * Seconds as `m:ss` (or `h:mm:ss`).
 * @example formatElapsed(75.2); // "1:15"
 */
export function formatElapsed(seconds: number): string {
  const s = Math.floor(seconds);
  const hh = Math.floor(s / 3600);
  const mm = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, "0");
  return hh ? `${hh}:${String(mm).padStart(2, "0")}:${ss}` : `${mm}:${ss}`;
}
