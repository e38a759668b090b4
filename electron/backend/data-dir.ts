/** Where Janela keeps its data when no `--data-dir` is given: the OS's per-user app-data folder. */
import { homedir } from 'node:os';
import { join } from 'node:path';

export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home = homedir(),
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Janela');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Janela');
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Janela');
}
