/**
 * What a V8 heap snapshot holds, biggest first (`npx tsx bench/heap-summary.ts FILE [top]`,
 * over a snapshot such as `npx tsx bench/archive.ts 50k --heap-snapshot FILE` writes of the
 * settled serving process). Objects are grouped by constructor, and plain objects by their
 * shape (their first property names), so that "Object" splits into passages, mentions,
 * postings; each kind with its count and own bytes. Then the dominator tree's big nodes
 * from the root down, each with its retained size (what freeing it would free): the
 * archive's parts and what in them holds the memory.
 *
 * The snapshot is read without parsing it whole: at 100k passages it is larger than a
 * JavaScript string may be, so the numbers of `nodes` and `edges` are scanned from the bytes.
 */
import { readFileSync } from 'node:fs';

interface Meta {
  node_fields: string[];
  node_types: [string[], ...unknown[]];
  edge_fields: string[];
  edge_types: [string[], ...unknown[]];
}

/** The integers of the JSON array that starts after `key` in `bytes`. */
function intArray(bytes: Buffer, key: string, count: number): Uint32Array {
  const start = bytes.indexOf(key);
  if (start < 0) throw new Error(`no ${key} in the snapshot`);
  const out = new Uint32Array(count);
  let at = bytes.indexOf(91 /* [ */, start) + 1;
  let n = 0;
  let value = 0;
  let inNumber = false;
  for (; n < count && at < bytes.length; at++) {
    const c = bytes[at] ?? 0;
    if (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48);
      inNumber = true;
    } else if (inNumber) {
      out[n++] = value;
      value = 0;
      inNumber = false;
      if (c === 93 /* ] */) break;
    } else if (c === 93) break;
  }
  if (inNumber && n < count) out[n++] = value;
  return out;
}

function stringsOf(bytes: Buffer): string[] {
  const start = bytes.indexOf('"strings":');
  const open = bytes.indexOf(91, start);
  // The strings array is the snapshot's last member: it ends at the last "]".
  const close = bytes.lastIndexOf(93);
  return JSON.parse(bytes.subarray(open, close + 1).toString('utf8')) as string[];
}

/** The snapshot's graph: nodes and their strong edges as flat arrays (CSR). */
interface Heap {
  count: number;
  self: Uint32Array;
  type: Uint8Array;
  nameOf: (i: number) => string;
  typeNames: string[];
  edgeStart: Uint32Array;
  edgeTo: Uint32Array;
  edgeType: Uint8Array;
  edgeName: Uint32Array;
  strings: string[];
  edgeTypeNames: string[];
}

export function readHeap(file: string): Heap {
  const bytes = readFileSync(file);
  const header = JSON.parse(
    bytes.subarray(0, bytes.indexOf('"nodes":')).toString('utf8').replace(/,\s*$/, '}'),
  ) as { snapshot: { meta: Meta; node_count: number; edge_count: number } };
  const { meta, node_count: count, edge_count: edgeCount } = header.snapshot;
  const nf = meta.node_fields.length;
  const ef = meta.edge_fields.length;
  const nodes = intArray(bytes, '"nodes":', count * nf);
  const edges = intArray(bytes, '"edges":', edgeCount * ef);
  const strings = stringsOf(bytes);
  const field = (fields: string[], name: string) => fields.indexOf(name);
  const [fType, fName, fSize, fEdges] = ['type', 'name', 'self_size', 'edge_count'].map((f) =>
    field(meta.node_fields, f),
  ) as [number, number, number, number];
  const [eType, eName, eTo] = ['type', 'name_or_index', 'to_node'].map((f) =>
    field(meta.edge_fields, f),
  ) as [number, number, number];
  const self = new Uint32Array(count);
  const type = new Uint8Array(count);
  const name = new Uint32Array(count);
  const edgeStart = new Uint32Array(count + 1);
  for (let i = 0, e = 0; i < count; i++) {
    self[i] = nodes[i * nf + fSize] ?? 0;
    type[i] = nodes[i * nf + fType] ?? 0;
    name[i] = nodes[i * nf + fName] ?? 0;
    edgeStart[i] = e;
    e += nodes[i * nf + fEdges] ?? 0;
    edgeStart[i + 1] = e;
  }
  const edgeTo = new Uint32Array(edgeCount);
  const edgeType = new Uint8Array(edgeCount);
  const edgeName = new Uint32Array(edgeCount);
  for (let e = 0; e < edgeCount; e++) {
    edgeTo[e] = (edges[e * ef + eTo] ?? 0) / nf;
    edgeType[e] = edges[e * ef + eType] ?? 0;
    edgeName[e] = edges[e * ef + eName] ?? 0;
  }
  return {
    count,
    self,
    type,
    nameOf: (i) => strings[name[i] ?? 0] ?? '',
    typeNames: meta.node_types[0],
    edgeStart,
    edgeTo,
    edgeType,
    edgeName,
    strings,
    edgeTypeNames: meta.edge_types[0],
  };
}

/** A node's kind: its constructor, a plain object's shape, a string's or array's kind. */
function kindOf(heap: Heap, i: number): string {
  const typeName = heap.typeNames[heap.type[i] ?? 0] ?? '';
  const name = heap.nameOf(i);
  // A string's name is its text: strings group by kind.
  if (typeName.endsWith('string')) return `(${typeName})`;
  if (typeName !== 'object') return `(${typeName}) ${name.slice(0, 40)}`;
  if (name !== 'Object') return name;
  // Properties holding numbers in place have no edge: the shape is the others' names.
  const property = heap.edgeTypeNames.indexOf('property');
  const props: string[] = [];
  for (let e = heap.edgeStart[i] ?? 0; e < (heap.edgeStart[i + 1] ?? 0) && props.length < 6; e++) {
    if (heap.edgeType[e] === property) props.push(heap.strings[heap.edgeName[e] ?? 0] ?? '');
  }
  return `Object {${props.join(', ')}}`;
}

/** Edges that keep their target alive (weak ones do not; shortcuts repeat another path). */
function strongEdge(heap: Heap): (e: number) => boolean {
  const weak = heap.edgeTypeNames.indexOf('weak');
  const shortcut = heap.edgeTypeNames.indexOf('shortcut');
  return (e) => heap.edgeType[e] !== weak && heap.edgeType[e] !== shortcut;
}

/** Each kind's count and own bytes, biggest first. */
export function kinds(heap: Heap): { key: string; count: number; selfBytes: number }[] {
  const groups = new Map<string, { count: number; selfBytes: number }>();
  for (let i = 0; i < heap.count; i++) {
    const key = kindOf(heap, i);
    const group = groups.get(key) ?? { count: 0, selfBytes: 0 };
    group.count++;
    group.selfBytes += heap.self[i] ?? 0;
    groups.set(key, group);
  }
  return [...groups.entries()]
    .map(([key, g]) => ({ key, ...g }))
    .sort((a, b) => b.selfBytes - a.selfBytes);
}

/**
 * Strings held more than once with the same text, by the bytes the copies beyond the first
 * take: a per-passage field holding its own copy of a shared string shows up here.
 */
export function duplicateStrings(
  heap: Heap,
): { text: string; copies: number; wastedBytes: number }[] {
  const plain = heap.typeNames.indexOf('string');
  const byText = new Map<string, { copies: number; bytes: number }>();
  for (let i = 0; i < heap.count; i++) {
    if (heap.type[i] !== plain) continue;
    const text = heap.nameOf(i);
    const entry = byText.get(text) ?? { copies: 0, bytes: heap.self[i] ?? 0 };
    entry.copies++;
    byText.set(text, entry);
  }
  return [...byText.entries()]
    .filter(([, e]) => e.copies > 1)
    .map(([text, e]) => ({ text, copies: e.copies, wastedBytes: (e.copies - 1) * e.bytes }))
    .sort((a, b) => b.wastedBytes - a.wastedBytes);
}

/**
 * Immediate dominators (Cooper, Harvey and Kennedy's iterative algorithm over the reverse
 * postorder) and each node's retained size: what freeing it would free.
 */
export function dominators(heap: Heap): { idom: Int32Array; retained: Float64Array } {
  const strong = strongEdge(heap);
  const n = heap.count;
  // Postorder by an explicit stack from the root (node 0).
  const order = new Int32Array(n).fill(-1);
  const post: number[] = [];
  const next = new Uint32Array(n);
  const stack: number[] = [0];
  order[0] = -2;
  next[0] = heap.edgeStart[0] ?? 0;
  while (stack.length > 0) {
    const v = stack[stack.length - 1] ?? 0;
    const e = next[v] ?? 0;
    if (e < (heap.edgeStart[v + 1] ?? 0)) {
      next[v] = e + 1;
      const w = heap.edgeTo[e] ?? 0;
      if (strong(e) && order[w] === -1) {
        order[w] = -2;
        next[w] = heap.edgeStart[w] ?? 0;
        stack.push(w);
      }
    } else {
      stack.pop();
      order[v] = post.length;
      post.push(v);
    }
  }
  // Retainers of each reached node (CSR).
  const retainerCount = new Uint32Array(n + 1);
  for (let v = 0; v < n; v++) {
    if ((order[v] ?? -1) < 0) continue;
    for (let e = heap.edgeStart[v] ?? 0; e < (heap.edgeStart[v + 1] ?? 0); e++) {
      const w = (heap.edgeTo[e] ?? 0) + 1;
      if (strong(e)) retainerCount[w] = (retainerCount[w] ?? 0) + 1;
    }
  }
  for (let v = 0; v < n; v++)
    retainerCount[v + 1] = (retainerCount[v + 1] ?? 0) + (retainerCount[v] ?? 0);
  const fill = retainerCount.slice(0, n);
  const retainers = new Uint32Array(retainerCount[n] ?? 0);
  for (let v = 0; v < n; v++) {
    if ((order[v] ?? -1) < 0) continue;
    for (let e = heap.edgeStart[v] ?? 0; e < (heap.edgeStart[v + 1] ?? 0); e++) {
      if (!strong(e)) continue;
      const w = heap.edgeTo[e] ?? 0;
      const at = fill[w] ?? 0;
      retainers[at] = v;
      fill[w] = at + 1;
    }
  }
  const idom = new Int32Array(n).fill(-1);
  idom[0] = 0;
  const intersect = (a: number, b: number): number => {
    let x = a;
    let y = b;
    while (x !== y) {
      while ((order[x] ?? 0) < (order[y] ?? 0)) x = idom[x] ?? 0;
      while ((order[y] ?? 0) < (order[x] ?? 0)) y = idom[y] ?? 0;
    }
    return x;
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (let k = post.length - 2; k >= 0; k--) {
      const v = post[k] ?? 0;
      let found = -1;
      for (let r = retainerCount[v] ?? 0; r < (retainerCount[v + 1] ?? 0); r++) {
        const p = retainers[r] ?? 0;
        if ((idom[p] ?? -1) < 0) continue;
        found = found < 0 ? p : intersect(p, found);
      }
      if (found >= 0 && idom[v] !== found) {
        idom[v] = found;
        changed = true;
      }
    }
  }
  const retained = new Float64Array(n);
  for (const v of post) {
    retained[v] = (retained[v] ?? 0) + (heap.self[v] ?? 0);
    if (v !== 0) retained[idom[v] ?? 0] = (retained[idom[v] ?? 0] ?? 0) + (retained[v] ?? 0);
  }
  return { idom, retained };
}

/** The dominator tree's big nodes, from the root down: "edge name: kind  retained MB". */
export function retainerTree(heap: Heap, minBytes: number, maxDepth = 14): string[] {
  const { idom, retained } = dominators(heap);
  const children = new Map<number, number[]>();
  // A node's small children, summed by kind: many small passages can hold more than one map.
  const small = new Map<number, Map<string, { count: number; bytes: number }>>();
  for (let v = 1; v < heap.count; v++) {
    const parent = idom[v] ?? -1;
    if (parent < 0) continue;
    if ((retained[v] ?? 0) < minBytes) {
      const byKind = small.get(parent) ?? new Map<string, { count: number; bytes: number }>();
      const kind = kindOf(heap, v);
      const sum = byKind.get(kind) ?? { count: 0, bytes: 0 };
      sum.count++;
      sum.bytes += retained[v] ?? 0;
      byKind.set(kind, sum);
      small.set(parent, byKind);
      continue;
    }
    const list = children.get(parent) ?? [];
    list.push(v);
    children.set(parent, list);
  }
  const edgeLabel = (from: number, to: number): string => {
    for (let e = heap.edgeStart[from] ?? 0; e < (heap.edgeStart[from + 1] ?? 0); e++) {
      if (heap.edgeTo[e] !== to) continue;
      const type = heap.edgeTypeNames[heap.edgeType[e] ?? 0];
      return type === 'element' || type === 'hidden'
        ? `[${heap.edgeName[e]}]`
        : (heap.strings[heap.edgeName[e] ?? 0] ?? '?');
    }
    return '…';
  };
  const lines: string[] = [];
  const visit = (v: number, depth: number): void => {
    const mb = ((retained[v] ?? 0) / 2 ** 20).toFixed(1);
    const label = v === 0 ? '(root)' : `${edgeLabel(idom[v] ?? 0, v)}: ${kindOf(heap, v)}`;
    lines.push(`${'  '.repeat(depth)}${mb.padStart(7)} MB  ${label}`);
    if (depth >= maxDepth) return;
    const list = (children.get(v) ?? []).sort((a, b) => (retained[b] ?? 0) - (retained[a] ?? 0));
    for (const c of list) visit(c, depth + 1);
    const sums = [...(small.get(v) ?? new Map()).entries()]
      .filter(([, sum]) => sum.bytes >= minBytes)
      .sort((a, b) => b[1].bytes - a[1].bytes);
    for (const [kind, sum] of sums) {
      const mb = (sum.bytes / 2 ** 20).toFixed(1);
      lines.push(`${'  '.repeat(depth + 1)}${mb.padStart(7)} MB  ${sum.count} × ${kind}`);
    }
  };
  visit(0, 0);
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: heap-summary FILE [top] [min MB]');
  const top = Number(process.argv[3] ?? 40);
  const heap = readHeap(file);
  const rows = kinds(heap);
  const total = rows.reduce((n, r) => n + r.selfBytes, 0);
  const mb = (b: number) => (b / 2 ** 20).toFixed(1);
  console.log(`heap ${mb(total)} MB in ${heap.count} nodes`);
  console.log('| own MB | count | kind |\n| ---: | ---: | --- |');
  for (const { key, count, selfBytes } of rows.slice(0, top)) {
    console.log(`| ${mb(selfBytes)} | ${count} | ${key.replaceAll('|', '\\|')} |`);
  }
  const duplicates = duplicateStrings(heap);
  const wasted = duplicates.reduce((n, d) => n + d.wastedBytes, 0);
  console.log(`\nStrings held more than once: ${mb(wasted)} MB in the extra copies; the most:`);
  for (const d of duplicates.slice(0, 15)) {
    console.log(`  ${mb(d.wastedBytes)} MB  ${d.copies} × ${JSON.stringify(d.text.slice(0, 60))}`);
  }
  const minMB = Number(process.argv[4] ?? Math.max(1, total / 2 ** 20 / 100));
  console.log(`\nDominator tree, nodes retaining ${minMB} MB or more:`);
  for (const line of retainerTree(heap, minMB * 2 ** 20)) console.log(line);
}
