/**
 * The folder boundaries hold because lint and TypeScript reject crossing them: each probe below is
 * a line that must not be written in that folder, and the rule that stops it must fire.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function rulesFiredOn(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\n`, { filePath: path.join(root, filePath) });
  return (result?.messages ?? []).map((message) => message.ruleId ?? `fatal: ${message.message}`);
}

const imports = 'no-restricted-imports';
const globals = 'no-restricted-globals';
const syntax = 'no-restricted-syntax';

const forbidden: [folder: string, probe: string, rule: string][] = [
  // Node in the renderer
  ['renderer/src/features/probe.ts', "import { readFileSync } from 'fs';\nreadFileSync('x');", imports],
  ['renderer/src/features/probe.ts', "import path from 'node:path';\npath.join('a');", imports],
  ['renderer/src/features/probe.ts', "import { readFile } from 'fs/promises';\nvoid readFile('x');", imports],
  ['renderer/src/features/probe.ts', 'export const mode = process.env.NODE_ENV;', globals],
  ['renderer/src/features/probe.ts', "export const bytes = Buffer.from('a');", globals],
  ['renderer/src/features/probe.ts', "export const lib: unknown = require('x');", globals],
  ['renderer/src/features/probe.ts', 'export const here = __dirname;', globals],
  ['renderer/src/features/probe.ts', 'export const g = global;', globals],
  ['renderer/src/features/probe.ts', "import { ipcRenderer } from 'electron';\nvoid ipcRenderer;", imports],
  ['renderer/src/features/probe.tsx', "import { app } from 'electron/main';\nvoid app;", imports],
  // Node and the DOM in shared/
  ['shared/probe.ts', "import { createHash } from 'crypto';\ncreateHash('sha1');", imports],
  ['shared/probe.ts', "import { randomUUID } from 'node:crypto';\nrandomUUID();", imports],
  ['shared/probe.ts', 'export const mode = process.env.NODE_ENV;', globals],
  ['shared/probe.ts', "export const bytes = Buffer.from('a');", globals],
  ['shared/probe.ts', "export const lib: unknown = require('x');", globals],
  ['shared/probe.ts', 'export const title = document.title;', globals],
  ['shared/probe.ts', 'export const api = window.janela;', globals],
  ['shared/probe.ts', 'export const language = navigator.language;', globals],
  ['shared/probe.ts', "export const saved = localStorage.getItem('x');", globals],
  ['shared/probe.ts', "export const page = fetch('/x');", globals],
  ['shared/probe.ts', "import { shell } from 'electron/common';\nvoid shell;", imports],
  // React, Electron and the DOM in the backend and the browser host
  ['electron/backend/probe.ts', "import { useState } from 'react';\nvoid useState;", imports],
  ['electron/backend/probe.ts', "import { createRoot } from 'react-dom/client';\nvoid createRoot;", imports],
  ['electron/backend/probe.ts', "import { app } from 'electron';\nvoid app;", imports],
  ['electron/backend/probe.ts', "import { ipcMain } from 'electron/main';\nvoid ipcMain;", imports],
  ['electron/host/probe.ts', "import { app } from 'electron/main';\nvoid app;", imports],
  ['electron/host/probe.ts', "import { jsx } from 'react/jsx-runtime';\nvoid jsx;", imports],
  ['electron/backend/probe.ts', 'export const title = document.title;', globals],
  ['electron/backend/probe.ts', 'export const api = window.janela;', globals],
  ['electron/backend/probe.ts', 'export const language = navigator.language;', globals],
  ['electron/backend/probe.ts', "export const saved = localStorage.getItem('x');", globals],
  // Time only from the clock
  ['electron/backend/chats/probe.ts', 'export const at = new Date();', syntax],
  ['electron/backend/chats/probe.ts', 'export const at = Date.now();', syntax],
  ['electron/backend/chats/probe.ts', 'export const at = Date();', syntax],
  ['electron/backend/chats/probe.ts', 'export const at = performance.now();', syntax],
  ['electron/backend/chats/probe.ts', 'export const now = Date.now;', syntax],
  ['electron/host/probe.ts', 'export const at = new Date();', syntax],
];

const allowed: [folder: string, probe: string][] = [
  ['renderer/src/features/probe.ts', "import { api } from '../bridge/api';\nvoid api;"],
  ['renderer/src/features/probe.ts', "import { events } from './events';\nvoid events;"],
  ['renderer/src/features/probe.ts', 'export const api = window.janela;\nexport const at = performance.now();'],
  ['shared/probe.ts', "export const zone = new Intl.DateTimeFormat('pt-BR').resolvedOptions().timeZone;"],
  ['electron/backend/probe.ts', "import { readFile } from 'node:fs/promises';\nvoid readFile;"],
  ['electron/backend/probe.ts', 'export const epoch = new Date(0);\nexport const page = fetch;'],
  ['electron/main/probe.ts', "import { app } from 'electron';\nvoid app;\nexport const at = new Date();"],
];

describe('lint boundaries', () => {
  for (const [file, probe, rule] of forbidden) {
    it(`${file}: ${probe.split('\n')[0]} → ${rule}`, async () => {
      expect(await rulesFiredOn(file, probe)).toContain(rule);
    });
  }

  for (const [file, probe] of allowed) {
    it(`${file}: ${probe.split('\n')[0]} is allowed`, async () => {
      expect(await rulesFiredOn(file, probe)).toEqual([]);
    });
  }
});

describe('the web TypeScript project', () => {
  const configPath = path.join(root, 'tsconfig.web.json');
  const parsed = ts.getParsedCommandLineOfConfigFile(
    configPath,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  );
  if (!parsed) throw new Error('tsconfig.web.json did not parse');

  it('names no ambient types: @types/node stays out', () => {
    const raw = JSON.parse(readFileSync(configPath, 'utf8')) as { compilerOptions: { types?: unknown } };
    expect(raw.compilerOptions.types).toEqual([]);
  });

  it('pulls @types/node in through no import either', () => {
    const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
    const nodeTypes = program
      .getSourceFiles()
      .map((file) => file.fileName)
      .filter((name) => name.includes('/@types/node/'));
    expect(nodeTypes).toEqual([]);
  });

  it('rejects Node globals and modules in a renderer file', () => {
    const probe = path.join(root, 'renderer/src/node-probe.ts');
    const source =
      "import { readFileSync } from 'node:fs';\nexport const x = [process.env.X, Buffer.from('a'), readFileSync];\n";
    const host = ts.createCompilerHost(parsed.options);
    const getSourceFile = host.getSourceFile.bind(host);
    host.getSourceFile = (name, version, ...rest) =>
      name === probe ? ts.createSourceFile(name, source, version) : getSourceFile(name, version, ...rest);
    const fileExists = host.fileExists.bind(host);
    host.fileExists = (name) => name === probe || fileExists(name);
    const program = ts.createProgram({ rootNames: [probe], options: parsed.options, host });
    const messages = ts
      .getPreEmitDiagnostics(program, program.getSourceFile(probe))
      .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/Cannot find module 'node:fs'/),
        expect.stringMatching(/Cannot find name 'process'/),
        expect.stringMatching(/Cannot find name 'Buffer'/),
      ]),
    );
  });
});
