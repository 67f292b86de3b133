import { describe, expect, it } from 'vitest';
import { checkBoundaries, findImports, formatViolations, RULES, type SourceFile } from './boundaries';
import { listFiles, readRepoFile } from './source-files';

const sourceFiles: SourceFile[] = listFiles('src', /\.tsx?$/).map((file) => ({ path: file, text: readRepoFile(file) }));

describe('import boundaries in src/', () => {
  it('finds the source files', () => {
    expect(sourceFiles.map((f) => f.path)).toContain('src/ui/mount.ts');
  });

  it('every module keeps to the boundary table', () => {
    const violations = checkBoundaries(sourceFiles);
    expect(violations, `boundary violations:\n${formatViolations(violations)}`).toEqual([]);
  });
});

// The checker must be able to fail: run it on fake files with known problems.
describe('boundary checker', () => {
  const check = (files: Record<string, string>) =>
    checkBoundaries(Object.entries(files).map(([path, text]) => ({ path, text })));
  const messages = (files: Record<string, string>) => check(files).map((v) => `${v.file}:${v.line}: ${v.message}`);

  it('finds static, re-export, dynamic, require and type imports; ignores comments and strings', () => {
    const text = [
      "import a from 'a';",
      "import type { B } from './b';",
      "export * from '../c';",
      "export { d } from 'd/sub';",
      "const e = await import('./e');",
      "const f = require('f');",
      "type G = typeof import('g');",
      "// import x from 'commented';",
      "const s = \"import y from 'in-a-string'\";",
    ].join('\n');
    expect(findImports({ path: 'src/x/y.ts', text }).map((i) => i.specifier)).toEqual(['a', './b', '../c', 'd/sub', './e', 'f', 'g']);
  });

  it('accepts imports the table allows', () => {
    expect(
      check({
        'src/engine/a.ts': "import nlp from 'compromise';\nimport { x } from '../shared/x';\nimport s from '../../rules/schema/pack.schema.json';",
        'src/sidepanel/main.tsx': "import { render } from 'preact';\nimport { y } from '../engine';\nimport { z } from '../ui/z';",
        'src/content/index.ts': "import browser from 'webextension-polyfill';\nimport { zendesk } from '../adapters/zendesk';",
        'src/cli/io.ts': "import { readFileSync } from 'node:fs';\nimport { analyze } from '../engine';",
        'src/engine/window.ts': '// a document is one sentence\nconst window = 3;\nexport const size = window + 1;',
        'src/engine/a.test.ts': "import { it } from 'vitest';\nimport { readFileSync } from 'node:fs';",
      }),
    ).toEqual([]);
  });

  it('flags forbidden module imports, packages, built-ins and globals', () => {
    expect(
      messages({
        'src/engine/bad.ts': [
          "import { h } from 'preact';",
          "import { readFileSync } from 'node:fs';",
          "import { Button } from '../ui/button';",
          'export const n = document.body.childElementCount;',
          'chrome.storage.local.get();',
          'const w = globalThis.window;',
        ].join('\n'),
        'src/ui/bad.tsx': "export * from '../engine';\nchrome.runtime.sendMessage({});",
        'src/adapters/bad.ts': "const m = await import('../engine/index');\nbrowser.runtime.id;",
        'src/content/bad.ts': "import nlp from 'compromise';\nimport { Panel } from '../ui/panel';",
        'src/sidepanel/bad.ts': "import { router } from '../background/router';\nimport { x } from '../options/x';",
        'src/shared/bad.ts': "import type { Analysis } from '../engine/types';",
        'src/cli/bad.ts': "import { Panel } from '../ui/panel';",
      }),
    ).toEqual([
      'src/engine/bad.ts:1: engine must not import package "preact"',
      'src/engine/bad.ts:2: engine runs in the browser and must not import Node built-in "node:fs"',
      'src/engine/bad.ts:3: engine must not import ui ("../ui/button")',
      'src/engine/bad.ts:4: engine must not use the global "document"',
      'src/engine/bad.ts:5: engine must not use the global "chrome"',
      'src/engine/bad.ts:6: engine must not use the global "window"',
      'src/ui/bad.tsx:1: ui must not import engine ("../engine")',
      'src/ui/bad.tsx:2: ui must not use the global "chrome"',
      'src/adapters/bad.ts:1: adapters must not import engine ("../engine/index")',
      'src/adapters/bad.ts:2: adapters must not use the global "browser"',
      'src/content/bad.ts:1: content must not import package "compromise"',
      'src/content/bad.ts:2: content must not import ui ("../ui/panel")',
      'src/sidepanel/bad.ts:1: sidepanel must not import background ("../background/router")',
      'src/sidepanel/bad.ts:2: sidepanel must not import options ("../options/x")',
      'src/shared/bad.ts:1: shared must not import engine ("../engine/types")',
      'src/cli/bad.ts:1: cli must not import ui ("../ui/panel")',
    ]);
  });

  it('flags files outside the known modules and imports outside src/', () => {
    expect(messages({ 'src/stray.ts': '', 'src/newthing/a.ts': '', 'src/ui/a.ts': "import f from '../../tests/fixtures/x';" })).toEqual([
      'src/stray.ts:1: file is directly under src/; add the module to the boundary table in tests/architecture/boundaries.ts',
      'src/newthing/a.ts:1: file is in unknown module src/newthing/; add the module to the boundary table in tests/architecture/boundaries.ts',
      'src/ui/a.ts:1: imports "../../tests/fixtures/x" (tests/fixtures/x), outside src/ and the data folders rules/',
    ]);
  });

  it('covers every module named in the architecture', () => {
    expect(Object.keys(RULES).sort()).toEqual(
      ['adapters', 'background', 'cli', 'content', 'engine', 'options', 'review', 'shared', 'sidepanel', 'ui'],
    );
  });
});
