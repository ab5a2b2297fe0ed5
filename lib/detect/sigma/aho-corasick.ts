/**
 * Aho-Corasick automaton over many literals: one pass over a text reports every literal it contains.
 * The engine uses it to find which "contains" prefilter keys an event's field satisfies. ASCII transitions
 * are a dense table with failure links folded in (one array read per character); other characters walk
 * sparse maps with failure links.
 */
export class AhoCorasick {
  private readonly next: Array<Map<number, number>> = [new Map()];
  private readonly fail: number[] = [0];
  private readonly out: number[][] = [[]];
  private readonly dense: Int32Array;

  constructor(readonly literals: readonly string[]) {
    literals.forEach((literal, id) => {
      let node = 0;
      for (let i = 0; i < literal.length; i++) {
        const c = literal.charCodeAt(i);
        let child = this.next[node].get(c);
        if (child === undefined) {
          child = this.next.length;
          this.next.push(new Map());
          this.fail.push(0);
          this.out.push([]);
          this.next[node].set(c, child);
        }
        node = child;
      }
      this.out[node].push(id);
    });
    const order: number[] = [0];
    for (let q = 0; q < order.length; q++) {
      const node = order[q];
      for (const [c, child] of this.next[node]) {
        if (node !== 0) {
          let f = this.fail[node];
          while (f !== 0 && !this.next[f].has(c)) f = this.fail[f];
          const target = this.next[f].get(c);
          this.fail[child] = target !== undefined && target !== child ? target : 0;
          this.out[child] = this.out[child].concat(this.out[this.fail[child]]);
        }
        order.push(child);
      }
    }
    this.dense = new Int32Array(this.next.length * 128);
    for (const node of order) {
      for (let c = 0; c < 128; c++) {
        const child = this.next[node].get(c);
        this.dense[node * 128 + c] = child ?? (node === 0 ? 0 : this.dense[this.fail[node] * 128 + c]);
      }
    }
  }

  /** Calls `found` with the id of every literal occurring in `text` (an id may repeat). */
  scan(text: string, found: (id: number) => void): void {
    const dense = this.dense;
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 128) node = dense[node * 128 + c];
      else {
        let child = this.next[node].get(c);
        while (child === undefined && node !== 0) {
          node = this.fail[node];
          child = this.next[node].get(c);
        }
        node = child ?? 0;
      }
      const hits = this.out[node];
      for (let k = 0; k < hits.length; k++) found(hits[k]);
    }
  }
}
