/**
 * The boxes an SVG's text and target diamonds take, in the picture's own units, to check that none
 * overlap. Text is measured generously and on its own (ASCII at 0.62em, anything else 1em; from 0.8em
 * above the baseline to 0.25em below), so a box here is at least as big as any sans-serif draws it.
 */
import type { DefaultTreeAdapterTypes } from 'parse5';

type Element = DefaultTreeAdapterTypes.Element;
type Node = DefaultTreeAdapterTypes.Node;

export interface Box {
  what: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export const attr = (el: Element, name: string) => el.attrs.find((item) => item.name === name)?.value;
export const textOf = (node: Node): string =>
  'value' in node && node.nodeName === '#text'
    ? node.value
    : 'childNodes' in node
      ? node.childNodes.map(textOf).join('')
      : '';

const width = (text: string, size: number) =>
  Array.from(text).reduce((sum, char) => sum + (char.charCodeAt(0) < 128 ? 0.62 : 1) * size, 0);

export function boxes(svg: Element): Box[] {
  const found: Box[] = [];
  const walk = (el: Element, size: number, anchor: string) => {
    const ownSize = Number(attr(el, 'font-size') ?? size);
    const ownAnchor = attr(el, 'text-anchor') ?? anchor;
    if (el.tagName === 'text') {
      const text = textOf(el);
      const [x, y, w] = [Number(attr(el, 'x')), Number(attr(el, 'y')), width(text, ownSize)];
      const left = ownAnchor === 'middle' ? x - w / 2 : ownAnchor === 'end' ? x - w : x;
      found.push({ what: `text "${text}"`, left, right: left + w, top: y - 0.8 * ownSize, bottom: y + 0.25 * ownSize });
      return;
    }
    if (el.tagName === 'polygon') {
      const points = (attr(el, 'points') ?? '').split(' ').map((pair) => pair.split(',').map(Number));
      const xs = points.map(([px]) => px!);
      const ys = points.map(([, py]) => py!);
      found.push({
        what: 'diamond',
        left: Math.min(...xs),
        right: Math.max(...xs),
        top: Math.min(...ys),
        bottom: Math.max(...ys),
      });
      return;
    }
    for (const child of el.childNodes)
      if ('tagName' in child && child.tagName !== 'title') walk(child, ownSize, ownAnchor);
  };
  walk(svg, 16, 'start');
  return found;
}

/** Pairs of boxes that overlap, and boxes that stick out of the picture, described for a failing test. */
export function overlaps(svg: Element): string[] {
  const [, , viewWidth, viewHeight] = (attr(svg, 'viewBox') ?? '').split(' ').map(Number);
  const all = boxes(svg);
  const problems = all
    .filter((box) => box.left < 0 || box.right > viewWidth! || box.top < 0 || box.bottom > viewHeight!)
    .map((box) => `${box.what} sticks out of the picture`);
  all.forEach((a, i) =>
    all.slice(i + 1).forEach((b) => {
      if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom)
        problems.push(`${a.what} overlaps ${b.what}`);
    }),
  );
  return problems;
}
