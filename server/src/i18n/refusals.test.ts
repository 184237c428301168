import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { clauseEn, nounEn, sentenceEn } from './sentences.ts';

/**
 * Every refusal the server words has English: read from the sources (their syntax tree, not a
 * pattern), each message handed to the error makers is either a `{ vi, en }` pair (or something
 * built elsewhere, checked where it is built), or a fixed Vietnamese text sentences.ts translates.
 * A message assembled from names or numbers with no English (a template literal, a concatenation) is refused.
 */

/** The error makers and which argument holds the message. */
const MAKERS: Record<string, { message: number; kind: 'sentence' | 'clause' | 'noun' }> = {
  AppError: { message: 1, kind: 'sentence' },
  forbidden: { message: 0, kind: 'sentence' },
  invalid: { message: 1, kind: 'sentence' },
  fieldError: { message: 1, kind: 'clause' },
  conflictOn: { message: 1, kind: 'clause' },
  notFound: { message: 0, kind: 'noun' },
};

/** Code the user never reads in the web app: the command line (Vietnamese by design) and the demo loader. */
const NOT_SERVED = [/^backup\//, /^demo\//, /^main\.ts$/, /^modules\/imports\/imports\.cli\.ts$/];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((f) => f.isFile() && f.name.endsWith('.ts') && !f.name.endsWith('.test.ts'))
    .map((f) => join(f.parentPath, f.name));
}

const hasEnglish = (text: string, kind: 'sentence' | 'clause' | 'noun') =>
  kind === 'noun'
    ? nounEn(text) !== 'The record' || text === 'Bản ghi'
    : (kind === 'clause' ? clauseEn : sentenceEn)(text) !== null;

/** Each message with no English: `file:line  text`. */
function untranslated(): string[] {
  const root = join(import.meta.dirname, '..');
  const found: string[] = [];
  for (const file of sourceFiles(root)) {
    const name = relative(root, file);
    if (NOT_SERVED.some((r) => r.test(name))) continue;
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
        const callee = node.expression;
        const maker = ts.isIdentifier(callee) ? MAKERS[callee.text] : undefined;
        const arg = maker ? node.arguments?.[maker.message] : undefined;
        if (maker && arg) {
          const at = `${name}:${source.getLineAndCharacterOfPosition(arg.getStart()).line + 1}`;
          const assembled =
            ts.isTemplateExpression(arg) ||
            (ts.isBinaryExpression(arg) && arg.operatorToken.kind === ts.SyntaxKind.PlusToken);
          if (assembled) found.push(`${at}  ${arg.getText()}`);
          else if (ts.isStringLiteralLike(arg) && !hasEnglish(arg.text, maker.kind)) {
            found.push(`${at}  ${arg.text}`);
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

describe('the server’s refusals', () => {
  it('each has English: a { vi, en } pair, or a fixed text sentences.ts translates', () => {
    expect(untranslated()).toEqual([]);
  });
});
