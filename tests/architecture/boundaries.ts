// Import-boundary checker for src/ (docs: /work/shared/design/architecture.md, "Boundaries").
// Pure: takes files as { path, text } so the checker itself can be tested on fake files.
// Uses the TypeScript parser, so comments and strings never count as imports or API uses.
import { builtinModules } from 'node:module';
import path from 'node:path';
import ts from 'typescript';

export interface SourceFile {
  /** Repo-relative POSIX path, e.g. `src/ui/mount.ts`. */
  path: string;
  text: string;
}

export interface Violation {
  file: string;
  line: number;
  message: string;
}

interface ModuleRule {
  /** Modules under src/ this one may import (itself is always allowed). */
  internal: string[];
  /** If set, the only packages allowed (plus their subpaths). */
  packagesOnly?: string[];
  /** Packages that are forbidden (checked when packagesOnly is not set). */
  packagesDenied?: string[];
  nodeBuiltins: boolean;
  /** Global names whose use is forbidden, e.g. `chrome`, `document`. */
  globalsDenied?: string[];
}

const ENGINE_LIBS = ['compromise', 're2js', 'yaml', 'js-yaml', '@cfworker/json-schema'];
const UI_LIBS = ['preact', '@preact/signals', '@preact/signals-core'];
const EXTENSION_API_GLOBALS = ['chrome', 'browser'];
const PAGE_MODULE: ModuleRule = { internal: ['ui', 'shared', 'engine'], nodeBuiltins: false };

/** The boundary table. Every folder directly under src/ must appear here. */
export const RULES: Record<string, ModuleRule> = {
  shared: { internal: [], packagesDenied: [...UI_LIBS, 'webextension-polyfill'], nodeBuiltins: false },
  engine: {
    internal: ['shared'],
    packagesOnly: ENGINE_LIBS,
    nodeBuiltins: false,
    globalsDenied: [...EXTENSION_API_GLOBALS, 'document', 'window'],
  },
  adapters: {
    internal: ['shared'],
    packagesDenied: [...UI_LIBS, ...ENGINE_LIBS, 'webextension-polyfill'],
    nodeBuiltins: false,
    globalsDenied: EXTENSION_API_GLOBALS,
  },
  // The content script runs in helpdesk pages: no engine (or its libraries) and no UI.
  content: { internal: ['adapters', 'shared'], packagesDenied: [...UI_LIBS, ...ENGINE_LIBS], nodeBuiltins: false },
  background: { internal: ['shared', 'engine'], packagesDenied: UI_LIBS, nodeBuiltins: false },
  sidepanel: PAGE_MODULE,
  // The helpdesk editor lists the built-in helpdesks and checks custom ones with the same
  // validator the content script applies (adapters are DOM-only code without chrome.*).
  options: { ...PAGE_MODULE, internal: [...PAGE_MODULE.internal, 'adapters'] },
  review: PAGE_MODULE,
  ui: {
    internal: ['shared'],
    packagesDenied: [...ENGINE_LIBS, 'webextension-polyfill'],
    nodeBuiltins: false,
    globalsDenied: EXTENSION_API_GLOBALS,
  },
  cli: { internal: ['engine', 'shared'], packagesDenied: [...UI_LIBS, 'webextension-polyfill'], nodeBuiltins: true },
};

/** Folders outside src/ that source may import data from (rule-pack schemas). */
const DATA_ROOTS = ['rules/'];

const NODE_BUILTINS = new Set(builtinModules);

export function isNodeBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || NODE_BUILTINS.has(specifier.split('/')[0] ?? '');
}

export function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

/** First folder under src/ of a file (`src/ui/mount.ts` -> `ui`); undefined for files directly in src/. */
export function moduleOf(filePath: string): string | undefined {
  const parts = filePath.split('/');
  return parts[0] === 'src' && parts.length > 2 ? parts[1] : undefined;
}

/** Module an import resolves into; also handles folder imports (`../engine` -> `engine`). */
function importTargetModule(target: string): string | undefined {
  const parts = target.split('/');
  return parts[0] === 'src' && parts.length > 1 ? parts[1]!.replace(/\.[^.]*$/, '') : undefined;
}

function isTestFile(filePath: string): boolean {
  return /\.(test|spec|bench)\.tsx?$/.test(filePath);
}

function parse(file: SourceFile): ts.SourceFile {
  const kind = file.path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  return ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest, true, kind);
}

function lineOf(source: ts.SourceFile, node: ts.Node): number {
  return source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
}

export interface ImportRef {
  specifier: string;
  line: number;
}

/** Static imports, `export ... from`, dynamic `import()`, `require()` and `import('x')` types. */
export function findImports(file: SourceFile): ImportRef[] {
  const source = parse(file);
  const found: ImportRef[] = [];
  const add = (node: ts.Node | undefined) => {
    if (node && ts.isStringLiteralLike(node)) found.push({ specifier: node.text, line: lineOf(source, node) });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) add(node.moduleSpecifier);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node.moduleReference.expression);
    } else if (ts.isCallExpression(node)) {
      const isImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = ts.isIdentifier(node.expression) && node.expression.text === 'require';
      if (isImport || isRequire) add(node.arguments[0]);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) add(node.argument.literal);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function isDeclarationName(node: ts.Identifier): boolean {
  const parent = node.parent;
  return (
    (ts.isVariableDeclaration(parent) ||
      ts.isParameter(parent) ||
      ts.isFunctionDeclaration(parent) ||
      ts.isClassDeclaration(parent) ||
      ts.isBindingElement(parent) ||
      ts.isImportSpecifier(parent) ||
      ts.isImportClause(parent) ||
      ts.isNamespaceImport(parent)) &&
    parent.name === node
  );
}

function isPropertyName(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent)) return parent.name === node;
  if (ts.isQualifiedName(parent)) return parent.right === node;
  return (
    (ts.isPropertyAssignment(parent) ||
      ts.isPropertyDeclaration(parent) ||
      ts.isPropertySignature(parent) ||
      ts.isMethodDeclaration(parent) ||
      ts.isMethodSignature(parent) ||
      ts.isGetAccessor(parent) ||
      ts.isSetAccessor(parent) ||
      ts.isEnumMember(parent) ||
      ts.isJsxAttribute(parent)) &&
    parent.name === node
  );
}

/**
 * Uses of the given globals (`document.body`, `chrome.runtime`, `globalThis.window`, a bare
 * `window`), ignoring property names (`x.window`) and names the file declares itself
 * (`const window = 3` in a sliding-window helper).
 */
export function findGlobalUses(file: SourceFile, names: readonly string[]): ImportRef[] {
  const source = parse(file);
  const wanted = new Set(names);
  const declared = new Set<string>();
  const candidates: ts.Identifier[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && wanted.has(node.text)) {
      if (isDeclarationName(node)) declared.add(node.text);
      else if (!isPropertyName(node)) candidates.push(node);
      else if (ts.isPropertyAccessExpression(node.parent) && ts.isIdentifier(node.parent.expression)) {
        // globalThis.document / self.chrome / window.document
        if (['globalThis', 'self', 'window'].includes(node.parent.expression.text)) candidates.push(node);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return candidates
    .filter((node) => !declared.has(node.text))
    .map((node) => ({ specifier: node.text, line: lineOf(source, node) }));
}

function checkFile(file: SourceFile): Violation[] {
  const module = moduleOf(file.path);
  const violation = (line: number, message: string): Violation => ({ file: file.path, line, message });
  if (module === undefined || !(module in RULES)) {
    const where = module === undefined ? 'directly under src/' : `in unknown module src/${module}/`;
    return [violation(1, `file is ${where}; add the module to the boundary table in tests/architecture/boundaries.ts`)];
  }
  const rule = RULES[module]!;
  const testFile = isTestFile(file.path);
  const violations: Violation[] = [];

  for (const { specifier, line } of findImports(file)) {
    if (specifier.startsWith('.')) {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file.path), specifier.split('?')[0]!));
      const targetModule = importTargetModule(target);
      if (targetModule === undefined) {
        if (!DATA_ROOTS.some((root) => target.startsWith(root))) {
          violations.push(violation(line, `imports "${specifier}" (${target}), outside src/ and the data folders ${DATA_ROOTS.join(', ')}`));
        }
      } else if (targetModule !== module && !rule.internal.includes(targetModule)) {
        violations.push(violation(line, `${module} must not import ${targetModule} ("${specifier}")`));
      }
      continue;
    }
    if (specifier.startsWith('/') || specifier.startsWith('src/')) {
      violations.push(violation(line, `use a relative import instead of "${specifier}"`));
      continue;
    }
    if (testFile) continue; // tests beside a module may use vitest, fast-check, node:fs ...
    if (isNodeBuiltin(specifier)) {
      if (!rule.nodeBuiltins) violations.push(violation(line, `${module} runs in the browser and must not import Node built-in "${specifier}"`));
      continue;
    }
    const pkg = packageName(specifier);
    if (rule.packagesOnly ? !rule.packagesOnly.includes(pkg) : rule.packagesDenied?.includes(pkg)) {
      violations.push(violation(line, `${module} must not import package "${pkg}"`));
    }
  }

  if (rule.globalsDenied) {
    for (const { specifier: name, line } of findGlobalUses(file, rule.globalsDenied)) {
      violations.push(violation(line, `${module} must not use the global "${name}"`));
    }
  }
  return violations;
}

export function checkBoundaries(files: readonly SourceFile[]): Violation[] {
  return files.flatMap(checkFile);
}

export function formatViolations(violations: readonly Violation[]): string {
  return violations.map((v) => `${v.file}:${v.line}: ${v.message}`).join('\n');
}
