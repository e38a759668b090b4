/**
 * Whether this build honours the end-to-end test hooks: `--test-control` (a loopback server with
 * no secret that can send WhatsApp messages and move the clock) and the `JANELA_WA_*` variables
 * (which point the browser elsewhere and shorten timings; they count only under `--test-control`).
 *
 * Only development and test builds do. Electron knows: `app.isPackaged` is true for what people
 * install. The browser host (`npm run serve`) runs from a source checkout through tsx and is never
 * packaged, so it is a development build by definition.
 */
export type BuildKind = 'packaged' | 'development';

export interface TestHooksRequest {
  build: BuildKind;
  /** `--test-control` was on the command line. */
  testControl: boolean;
  env: Readonly<Record<string, string | undefined>>;
}

export interface TestHooksDecision {
  testControl: boolean;
  /**
   * electron-vite's dev server (`ELECTRON_RENDERER_URL`): the page the app loads and trusts with its
   * IPC. Honoured in development only; in what people install, a variable must never choose it.
   */
  devRendererUrl: string | null;
  /** What was asked for and ignored, for one log line (names only, never values). */
  ignored: string[];
}

const DEV_RENDERER_URL = 'ELECTRON_RENDERER_URL';

export function decideTestHooks(request: TestHooksRequest): TestHooksDecision {
  const devRendererUrl = request.env[DEV_RENDERER_URL] || null;
  if (request.build === 'development') return { testControl: request.testControl, devRendererUrl, ignored: [] };
  const variables = Object.keys(request.env).filter(
    (name) => (name.startsWith('JANELA_WA_') || name === DEV_RENDERER_URL) && request.env[name] !== undefined,
  );
  return {
    testControl: false,
    devRendererUrl: null,
    ignored: [...(request.testControl ? ['--test-control'] : []), ...variables.sort()],
  };
}
