/**
 * Ends the WhatsApp browser with every process it started (renderers, GPU, zygote, crash handler):
 * killing only the main process, as a plain kill does, can leave the others running with the
 * linked session's profile open. Only ever the browser this app launched, by its PID: never a
 * browser found by name.
 */
import { spawnSync } from 'node:child_process';

export interface ProcessTreeTools {
  platform: NodeJS.Platform;
  /** Runs a command to the end (Windows: taskkill). */
  run: (command: string, args: readonly string[]) => void;
  kill: (pid: number, signal: NodeJS.Signals) => void;
}

const nodeTools: ProcessTreeTools = {
  platform: process.platform,
  run: (command, args) => void spawnSync(command, args, { stdio: 'ignore', windowsHide: true, timeout: 10_000 }),
  kill: (pid, signal) => void process.kill(pid, signal),
};

/** The browser as its launcher knows it: a PID is only trusted while the process has not exited. */
export interface LaunchedProcess {
  pid?: number | undefined;
  exitCode: number | null;
  signalCode: NodeJS.Signals | null;
}

export function endProcessTree(browser: LaunchedProcess, tools: ProcessTreeTools = nodeTools): void {
  const { pid } = browser;
  if (pid === undefined || !Number.isSafeInteger(pid) || pid <= 0) return;
  const running = browser.exitCode === null && browser.signalCode === null;
  if (tools.platform === 'win32') {
    // /T: the process and every process it started; /F: without waiting. Once the browser has
    // exited its PID may belong to another program, and its children cannot be found anyway.
    if (running) tools.run('taskkill', ['/pid', String(pid), '/T', '/F']);
    return;
  }
  // Puppeteer starts the browser detached on macOS and Linux: it leads its own process group,
  // whose ID stays reserved while any member is left, even after the browser itself exited.
  const targets = running ? [-pid, pid] : [-pid];
  for (const target of targets) {
    try {
      tools.kill(target, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}
