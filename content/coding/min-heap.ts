/**
 * A binary heap given to JavaScript and TypeScript candidates on heap problems (Python has heapq),
 * so the problem tests the algorithm rather than typing a heap from memory. Reference solutions
 * get the same text.
 */
export const MIN_HEAP_JS = `/** Provided: a binary min-heap. push(item); pop() returns the smallest item (or undefined); peek(); size. less(a, b) orders items. */
class MinHeap {
  constructor(less = (a, b) => a < b) {
    this.less = less;
    this.items = [];
  }
  get size() {
    return this.items.length;
  }
  peek() {
    return this.items[0];
  }
  push(item) {
    const a = this.items;
    a.push(item);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(a[i], a[p])) break;
      [a[i], a[p]] = [a[p], a[i]];
      i = p;
    }
  }
  pop() {
    const a = this.items;
    if (a.length === 0) return undefined;
    const top = a[0];
    const last = a.pop();
    if (a.length) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && this.less(a[l], a[m])) m = l;
        if (r < a.length && this.less(a[r], a[m])) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m], a[i]];
        i = m;
      }
    }
    return top;
  }
}`;

export const MIN_HEAP_TS = `/** Provided: a binary min-heap. push(item); pop() returns the smallest item (or undefined); peek(); size. less(a, b) orders items. */
class MinHeap<T> {
  private items: T[] = [];
  constructor(private less: (a: T, b: T) => boolean = (a, b) => a < b) {}
  get size(): number {
    return this.items.length;
  }
  peek(): T | undefined {
    return this.items[0];
  }
  push(item: T): void {
    const a = this.items;
    a.push(item);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(a[i]!, a[p]!)) break;
      [a[i], a[p]] = [a[p]!, a[i]!];
      i = p;
    }
  }
  pop(): T | undefined {
    const a = this.items;
    if (a.length === 0) return undefined;
    const top = a[0];
    const last = a.pop()!;
    if (a.length) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && this.less(a[l]!, a[m]!)) m = l;
        if (r < a.length && this.less(a[r]!, a[m]!)) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m]!, a[i]!];
        i = m;
      }
    }
    return top;
  }
}`;

export const withMinHeap = { javascript: MIN_HEAP_JS, typescript: MIN_HEAP_TS };
export const HEAP_NOTE = 'The JavaScript and TypeScript starters include a small `MinHeap` class; in Python use `heapq`.';
