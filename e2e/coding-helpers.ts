import type { Page } from '@playwright/test';
import { codingProblems } from '../content/coding/index.js';

/** The problem on screen, found by its title. */
export async function problemOnScreen(page: Page) {
  for (const p of codingProblems) {
    if (await page.getByText(p.title, { exact: true }).first().isVisible()) return p;
  }
  throw new Error('no known coding problem on the page');
}

/** Replaces the editor's text (insertText types no keys, so auto-closed brackets do not double). */
export async function writeCode(page: Page, code: string) {
  const editor = page.getByRole('textbox', { name: 'Your code' });
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(code);
}
