// Finds code that compiles strings at run time (`eval(...)`, `new Function(...)`, `Function(...)`)
// in built JavaScript. Parsed, not grepped: a method that happens to be called `eval`
// (re2js's prefilter has `eval(input, pos)`) or the word in a string is not a finding.
import ts from 'typescript';

export interface DynamicCodeUse {
  line: number;
  snippet: string;
}

function isPropertyName(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent)) return parent.name === node;
  return (
    (ts.isMethodDeclaration(parent) ||
      ts.isPropertyAssignment(parent) ||
      ts.isPropertyDeclaration(parent) ||
      ts.isGetAccessor(parent) ||
      ts.isSetAccessor(parent)) &&
    parent.name === node
  );
}

export function findDynamicCode(fileName: string, text: string): DynamicCodeUse[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const found: DynamicCodeUse[] = [];
  const report = (node: ts.Node) => {
    const start = node.getStart(source);
    found.push({ line: source.getLineAndCharacterOfPosition(start).line + 1, snippet: text.slice(start, start + 80) });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && !isPropertyName(node)) {
      // Any reference to the global eval (direct call, `(0, eval)(...)`, aliasing).
      if (node.text === 'eval') report(node.parent);
      // Function(...) / new Function(...) as a constructor of code from strings.
      const parent = node.parent;
      if (node.text === 'Function' && (ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.expression === node) {
        report(parent);
      }
    }
    // globalThis.eval / window.eval / self.Function
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && ['globalThis', 'window', 'self'].includes(node.expression.text)) {
      if (node.name.text === 'eval' || node.name.text === 'Function') report(node);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
