/**
 * What a person notices at once on a screen, measured in the page: a table cell whose content
 * spills over its edge, a word broken across two lines ("Pa/ge", a sequence number "1/0") that
 * would fit its box on one line, a button whose label runs onto a second line, text cut short
 * with an ellipsis (a lozenge reading "In …"), a box that cuts its content off with no scrollbar
 * to reach the rest, and content wider than the module. Headless Chromium, like macOS, draws
 * overlay scrollbars, so content cut off by `overflow: hidden` looks as if it ended.
 */
import { type Locator, type Page } from 'playwright-core';

export type LayoutProblemKind = 'cell-overflow' | 'split-word' | 'wrapped-button' | 'truncated-text' | 'hidden-content' | 'wider-than-module';

export interface LayoutProblem {
  kind: LayoutProblemKind;
  /** The text involved, shortened, so a report says where to look. */
  text: string;
  detail: string;
}

/** Less than half a line of body text (20 px) cut off is not content anyone misses. */
const HIDDEN_LINE_PX = 8;

/** Measures everything inside `scope`; an empty list means the screen passes. */
export async function layoutProblems(scope: Locator): Promise<LayoutProblem[]> {
  return scope.evaluate((root: Element, HIDDEN_LINE_PX: number) => {
    const problems: { kind: LayoutProblemKind; text: string; detail: string }[] = [];
    const short = (text: string | null | undefined): string => {
      const clean = (text ?? '').replace(/\s+/g, ' ').trim();
      return clean.length > 60 ? `${clean.slice(0, 57)}…` : clean;
    };
    const visible = (element: Element): boolean => {
      const box = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
    };
    // A 1 px box (ADS's visually hidden labels for screen readers) is not meant to be seen.
    const screenReaderOnly = (element: Element): boolean => {
      const box = element.getBoundingClientRect();
      return box.width <= 2 || box.height <= 2;
    };

    for (const cell of Array.from(root.querySelectorAll('td, th, [role="cell"], [role="gridcell"], [role="columnheader"], [role="rowheader"]'))) {
      if (!(cell instanceof HTMLElement) || !visible(cell)) continue;
      if (cell.scrollWidth > cell.clientWidth + 1) {
        problems.push({ kind: 'cell-overflow', text: short(cell.innerText), detail: `content ${cell.scrollWidth}px wide in a ${cell.clientWidth}px cell` });
      }
    }

    // A word wider than the whole box it sits in cannot be laid out on one line: ADS Text breaks it
    // (`overflow-wrap: anywhere`), as Confluence's own tables do, and that is not a layout fault.
    const ruler = document.createElement('canvas').getContext('2d');
    const widerThanItsBox = (word: string, parent: Element): boolean => {
      let box: Element | null = parent;
      while (box !== null && getComputedStyle(box).display === 'inline') box = box.parentElement;
      if (ruler === null || !(box instanceof HTMLElement)) return false;
      const style = getComputedStyle(box);
      ruler.font = getComputedStyle(parent).font;
      return ruler.measureText(word).width > box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) + 1;
    };

    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const reported = new Set<string>();
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      const parent = node.parentElement;
      if (parent === null || !visible(parent) || screenReaderOnly(parent)) continue;
      // Browsers may break after a hyphen or a dash; anything else is a word broken in two.
      const word = /[^\s‐–—-]+[‐–—-]?/g;
      for (let match = word.exec(text); match !== null; match = word.exec(text)) {
        if (match[0].length < 2) continue;
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].replace(/[‐–—-]$/, '').length);
        const lines = new Set(Array.from(range.getClientRects(), (rect) => Math.round(rect.top)));
        const tops = [...lines].sort((a, b) => a - b);
        const multiLine = tops.length > 1 && tops[tops.length - 1] - tops[0] > 4;
        if (multiLine && !widerThanItsBox(match[0], parent) && !reported.has(`${match[0]}|${short(text)}`)) {
          reported.add(`${match[0]}|${short(text)}`);
          problems.push({ kind: 'split-word', text: short(text), detail: `"${match[0]}" is broken across ${tops.length} lines` });
        }
      }
    }

    // A button's label is a short command read at a glance: on two lines it reads as two buttons.
    // A pressable laid out as text (aligned to the start, as a page title that opens the page)
    // wraps as any link in running text does; a button centres its label.
    const lineTops = (element: Element): number[] => {
      const range = document.createRange();
      range.selectNodeContents(element);
      const tops = [...new Set(Array.from(range.getClientRects(), (rect) => Math.round(rect.top)))].sort((a, b) => a - b);
      return tops.filter((top, index) => index === 0 || top - tops[index - 1] > 4);
    };
    for (const button of Array.from(root.querySelectorAll('button, [role="button"]'))) {
      if (!(button instanceof HTMLElement) || !visible(button) || button.innerText.trim() === '') continue;
      const align = getComputedStyle(button).textAlign;
      if (align === 'start' || align === 'left') continue;
      const lines = lineTops(button).length;
      if (lines > 1) problems.push({ kind: 'wrapped-button', text: short(button.innerText), detail: `the button's label takes ${lines} lines` });
    }

    // An ellipsis hides the end of a word or a status ("In …" for "In Approval"): nothing on the
    // screen says what it was, and a lozenge has no tooltip.
    for (const element of Array.from(root.querySelectorAll('*'))) {
      if (!(element instanceof HTMLElement) || !visible(element) || screenReaderOnly(element)) continue;
      const style = getComputedStyle(element);
      if (style.textOverflow !== 'ellipsis' || style.overflowX === 'visible') continue;
      if (element.scrollWidth > element.clientWidth + 1 && element.innerText.trim() !== '') {
        problems.push({ kind: 'truncated-text', text: short(element.innerText), detail: `${element.scrollWidth - element.clientWidth}px of the text cut off with an ellipsis (${element.tagName.toLowerCase()})` });
      }
    }

    for (const element of [root, ...Array.from(root.querySelectorAll('*'))]) {
      if (!(element instanceof HTMLElement) || !visible(element) || screenReaderOnly(element)) continue;
      const style = getComputedStyle(element);
      const clipsY = style.overflowY === 'hidden' || style.overflowY === 'clip';
      // A few pixels are a glyph's descender under a tight line height, not a hidden line of content.
      if (clipsY && element.scrollHeight > element.clientHeight + HIDDEN_LINE_PX && element.innerText.trim() !== '') {
        problems.push({ kind: 'hidden-content', text: short(element.innerText), detail: `${element.scrollHeight - element.clientHeight}px of content cut off without a scrollbar (${element.tagName.toLowerCase()}${element.dataset.testid === undefined ? '' : `[data-testid=${element.dataset.testid}]`})` });
      }
    }
    // Past the module's right edge content runs under the page's edge or needs a sideways scroll
    // of the whole page: a table too wide for the column Confluence gives the module. Only the
    // outermost such element is reported; one inside its own scrolling box is reachable.
    const edge = root.getBoundingClientRect().right + 1;
    const scrollsSideways = (element: Element): boolean => {
      for (let up = element.parentElement; up !== null && up !== root; up = up.parentElement) {
        const overflowX = getComputedStyle(up).overflowX;
        if (overflowX === 'auto' || overflowX === 'scroll') return true;
      }
      return false;
    };
    for (const element of Array.from(root.querySelectorAll('*'))) {
      if (!(element instanceof HTMLElement) || !visible(element) || screenReaderOnly(element)) continue;
      const parent = element.parentElement;
      if (element.getBoundingClientRect().right <= edge || parent === null || (parent !== root && parent.getBoundingClientRect().right > edge)) continue;
      if (scrollsSideways(element)) continue;
      problems.push({ kind: 'wider-than-module', text: short(element.innerText), detail: `${element.tagName.toLowerCase()} reaches ${Math.round(element.getBoundingClientRect().right - edge + 1)}px past the module's edge` });
    }
    return problems;
  }, HIDDEN_LINE_PX);
}

/** Fails with every problem listed, each with the screen it was found on. */
export async function expectCleanLayout(page: Page, screen: string, scope: Locator): Promise<void> {
  const problems = await layoutProblems(scope);
  if (problems.length > 0) {
    const listed = problems.map((problem) => `  - ${problem.kind}: ${problem.detail}: "${problem.text}"`).join('\n');
    throw new Error(`${screen} at ${page.viewportSize()?.width ?? '?'}px: ${problems.length} layout problem(s)\n${listed}`);
  }
}
