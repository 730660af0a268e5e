// A small CDCL SAT solver in the MiniSat mould: two watched literals, 1-UIP learning with local
// clause minimisation, VSIDS with a binary heap, phase saving, Luby restarts, activity-based
// clause-database reduction, and incremental solving under assumptions with a failed-assumption
// core. It has no randomness, so the same calls give the same answers and the same statistics.
//
// Literals are DIMACS integers at the interface (3, -7). Inside, literal v is coded 2v and ¬v is
// 2v+1, so negation is `code ^ 1` and the variable is `code >> 1`.
import type { SatSolver, SolverStats } from './types.js';

const UNDEF = 0;
const TRUE = 1;
const FALSE = -1;
const NO_REASON = -1;

/** Luby sequence 1,1,2,1,1,2,4,1,1,2,... (restart intervals in units of RESTART_BASE conflicts). */
function luby(i: number): number {
  let size = 1;
  let seq = 0;
  while (size < i + 1) {
    seq++;
    size = 2 * size + 1;
  }
  let x = i;
  while (size - 1 !== x) {
    size = (size - 1) >> 1;
    seq--;
    x = x % size;
  }
  return 2 ** seq;
}

const RESTART_BASE = 100;
const VAR_DECAY = 0.95;
const CLAUSE_DECAY = 0.999;

export class CdclSolver implements SatSolver {
  private nVars = 0;
  /** Per variable (index v, 1-based): TRUE / FALSE / UNDEF. */
  private assigns: number[] = [0];
  private levelOf: number[] = [0];
  private reasonOf: number[] = [NO_REASON];
  private activity: number[] = [0];
  /** Saved phase: the value a variable had when it was last unassigned. */
  private phase: number[] = [FALSE];
  private seen: number[] = [0];

  private clauses: Int32Array[] = [];
  private learnt: boolean[] = [];
  private deleted: boolean[] = [];
  private clauseAct: number[] = [];
  private learntCount = 0;
  /** watches[code]: clauses whose first or second literal is `code`, visited when it turns false. */
  private watches: number[][] = [[], []];

  private trail: number[] = [];
  private trailLim: number[] = [];
  private qhead = 0;

  private heap: number[] = [];
  /** Position of each variable in `heap`, or -1. */
  private heapPos: number[] = [-1];

  private varInc = 1;
  private clauseInc = 1;
  private maxLearnts = 0;
  /** False once the clause set itself is unsatisfiable (no assumptions involved). */
  private ok = true;
  private lastModel: boolean[] = [];
  private lastCore: number[] = [];

  readonly stats: SolverStats = { decisions: 0, conflicts: 0, propagations: 0, solves: 0 };

  get numVars(): number {
    return this.nVars;
  }

  newVar(): number {
    const v = ++this.nVars;
    this.assigns.push(UNDEF);
    this.levelOf.push(0);
    this.reasonOf.push(NO_REASON);
    this.activity.push(0);
    this.phase.push(FALSE);
    this.seen.push(0);
    this.heapPos.push(-1);
    this.watches.push([], []);
    this.heapInsert(v);
    return v;
  }

  ensureVars(n: number): void {
    while (this.nVars < n) this.newVar();
  }

  /** Adds a clause (at decision level 0). Returns false when the clause set became unsatisfiable. */
  addClause(lits: readonly number[]): boolean {
    if (!this.ok) return false;
    let maxVar = 0;
    for (const l of lits) {
      if (!Number.isInteger(l) || l === 0) throw new RangeError(`CdclSolver.addClause: bad literal ${l}`);
      maxVar = Math.max(maxVar, Math.abs(l));
    }
    this.ensureVars(maxVar);
    const codes = [...new Set(lits.map(toCode))].sort((a, b) => a - b);
    const kept: number[] = [];
    for (let i = 0; i < codes.length; i++) {
      const c = codes[i]!;
      if (i + 1 < codes.length && codes[i + 1] === (c ^ 1)) return true; // tautology
      const val = this.value(c);
      if (val === TRUE) return true; // satisfied at level 0
      if (val === UNDEF) kept.push(c);
    }
    if (kept.length === 0) {
      this.ok = false;
      return false;
    }
    if (kept.length === 1) {
      this.enqueue(kept[0]!, NO_REASON);
      if (this.propagate() !== NO_REASON) this.ok = false;
      return this.ok;
    }
    this.attach(Int32Array.from(kept), false);
    return true;
  }

  /**
   * Satisfiable under the assumptions (DIMACS literals taken as true for this call only)?
   * After a false result, `core()` names assumptions that together cannot hold.
   */
  solve(assumptions: readonly number[] = []): boolean {
    this.stats.solves++;
    this.lastCore = [];
    if (!this.ok) return false;
    for (const a of assumptions) {
      if (!Number.isInteger(a) || a === 0) throw new RangeError(`CdclSolver.solve: bad assumption ${a}`);
      this.ensureVars(Math.abs(a));
    }
    const assume = assumptions.map(toCode);
    this.maxLearnts = Math.max(this.clauses.length / 3, 2000);
    let result: boolean | undefined;
    for (let restart = 0; result === undefined; restart++) {
      result = this.search(luby(restart) * RESTART_BASE, assume);
    }
    if (result) {
      this.lastModel = new Array<boolean>(this.nVars + 1);
      this.lastModel[0] = false;
      for (let v = 1; v <= this.nVars; v++) this.lastModel[v] = this.assigns[v] === TRUE;
    }
    this.cancelUntil(0);
    return result;
  }

  /** The model of the last satisfiable call: entry v is variable v's value (entry 0 unused). */
  model(): boolean[] {
    return this.lastModel.slice();
  }

  /** After an unsatisfiable call: a subset of the assumptions that is already contradictory. */
  core(): number[] {
    return this.lastCore.slice();
  }

  // ---- search ------------------------------------------------------------------------------

  /** true = SAT, false = UNSAT (under the assumptions), undefined = restart. */
  private search(conflictBudget: number, assume: readonly number[]): boolean | undefined {
    let conflicts = 0;
    for (;;) {
      const confl = this.propagate();
      if (confl !== NO_REASON) {
        this.stats.conflicts++;
        conflicts++;
        if (this.decisionLevel() === 0) {
          this.ok = false;
          return false;
        }
        const { learnt, backtrackLevel } = this.analyze(confl);
        this.cancelUntil(backtrackLevel);
        if (learnt.length === 1) {
          this.enqueue(learnt[0]!, NO_REASON);
        } else {
          const cr = this.attach(Int32Array.from(learnt), true);
          this.bumpClause(cr);
          this.enqueue(learnt[0]!, cr);
        }
        this.varInc /= VAR_DECAY;
        this.clauseInc /= CLAUSE_DECAY;
        continue;
      }
      if (conflicts >= conflictBudget) {
        this.cancelUntil(0);
        return undefined;
      }
      if (this.learntCount - this.trail.length >= this.maxLearnts) this.reduceDb();

      let next = -1;
      while (this.decisionLevel() < assume.length) {
        const p = assume[this.decisionLevel()]!;
        const val = this.value(p);
        if (val === TRUE) {
          this.trailLim.push(this.trail.length); // already true: an empty level keeps the indexing
        } else if (val === FALSE) {
          this.lastCore = this.analyzeFinal(p);
          return false;
        } else {
          next = p;
          break;
        }
      }
      if (next === -1) {
        next = this.pickBranch();
        if (next === -1) return true; // every variable assigned, no conflict
        this.stats.decisions++;
      }
      this.trailLim.push(this.trail.length);
      this.enqueue(next, NO_REASON);
    }
  }

  private propagate(): number {
    while (this.qhead < this.trail.length) {
      const p = this.trail[this.qhead++]!;
      this.stats.propagations++;
      const falseLit = p ^ 1;
      const ws = this.watches[falseLit]!;
      let i = 0;
      let j = 0;
      while (i < ws.length) {
        const cr = ws[i++]!;
        if (this.deleted[cr]) continue; // dropped lazily after reduceDb
        const c = this.clauses[cr]!;
        if (c[0] === falseLit) {
          c[0] = c[1]!;
          c[1] = falseLit;
        }
        const first = c[0]!;
        if (this.value(first) === TRUE) {
          ws[j++] = cr;
          continue;
        }
        let moved = false;
        for (let k = 2; k < c.length; k++) {
          const lit = c[k]!;
          if (this.value(lit) !== FALSE) {
            c[1] = lit;
            c[k] = falseLit;
            this.watches[lit]!.push(cr);
            moved = true;
            break;
          }
        }
        if (moved) continue;
        ws[j++] = cr;
        if (this.value(first) === FALSE) {
          while (i < ws.length) ws[j++] = ws[i++]!;
          ws.length = j;
          this.qhead = this.trail.length;
          return cr;
        }
        this.enqueue(first, cr);
      }
      ws.length = j;
    }
    return NO_REASON;
  }

  /** First-UIP learning. The asserting literal comes first, a literal of the backjump level second. */
  private analyze(confl: number): { learnt: number[]; backtrackLevel: number } {
    const learnt: number[] = [0];
    const level = this.decisionLevel();
    let pathCount = 0;
    let p = -1;
    let index = this.trail.length - 1;
    let cr = confl;
    do {
      if (this.learnt[cr]) this.bumpClause(cr);
      const c = this.clauses[cr]!;
      for (let k = p === -1 ? 0 : 1; k < c.length; k++) {
        const q = c[k]!;
        const v = q >> 1;
        if (this.seen[v] || this.levelOf[v] === 0) continue;
        this.bumpVar(v);
        this.seen[v] = 1;
        if (this.levelOf[v] >= level) pathCount++;
        else learnt.push(q);
      }
      while (!this.seen[this.trail[index]! >> 1]) index--;
      p = this.trail[index]!;
      index--;
      cr = this.reasonOf[p >> 1]!;
      this.seen[p >> 1] = 0;
      pathCount--;
    } while (pathCount > 0);
    learnt[0] = p ^ 1;

    // Local minimisation: a literal implied by other literals of the clause is redundant.
    const marked = learnt.slice(1);
    let w = 1;
    for (let k = 1; k < learnt.length; k++) {
      const q = learnt[k]!;
      const r = this.reasonOf[q >> 1]!;
      let redundant = r !== NO_REASON;
      if (redundant) {
        const c = this.clauses[r]!;
        for (let t = 1; t < c.length; t++) {
          const v = c[t]! >> 1;
          if (!this.seen[v] && this.levelOf[v] > 0) {
            redundant = false;
            break;
          }
        }
      }
      if (!redundant) learnt[w++] = q;
    }
    learnt.length = w;
    for (const q of marked) this.seen[q >> 1] = 0;

    let backtrackLevel = 0;
    if (learnt.length > 1) {
      let maxAt = 1;
      for (let k = 2; k < learnt.length; k++) {
        if (this.levelOf[learnt[k]! >> 1]! > this.levelOf[learnt[maxAt]! >> 1]!) maxAt = k;
      }
      [learnt[1], learnt[maxAt]] = [learnt[maxAt]!, learnt[1]!];
      backtrackLevel = this.levelOf[learnt[1]! >> 1]!;
    }
    return { learnt, backtrackLevel };
  }

  /** The assumptions responsible for assumption `p` being false (p included). */
  private analyzeFinal(p: number): number[] {
    const core = [p];
    if (this.decisionLevel() === 0) return core.map(fromCode);
    this.seen[p >> 1] = 1;
    for (let i = this.trail.length - 1; i >= this.trailLim[0]!; i--) {
      const x = this.trail[i]! >> 1;
      if (!this.seen[x]) continue;
      const r = this.reasonOf[x]!;
      if (r === NO_REASON) {
        core.push(this.trail[i]!); // a decision below the assumption levels is an assumption
      } else {
        const c = this.clauses[r]!;
        for (let k = 1; k < c.length; k++) if (this.levelOf[c[k]! >> 1]! > 0) this.seen[c[k]! >> 1] = 1;
      }
      this.seen[x] = 0;
    }
    this.seen[p >> 1] = 0;
    return core.map(fromCode);
  }

  private reduceDb(): void {
    const candidates: number[] = [];
    for (let cr = 0; cr < this.clauses.length; cr++) {
      if (this.learnt[cr] && !this.deleted[cr] && this.clauses[cr]!.length > 2 && !this.isLocked(cr))
        candidates.push(cr);
    }
    candidates.sort((a, b) => this.clauseAct[a]! - this.clauseAct[b]! || a - b);
    for (const cr of candidates.slice(0, candidates.length >> 1)) {
      this.deleted[cr] = true;
      this.clauses[cr] = EMPTY;
      this.learntCount--;
    }
    this.maxLearnts *= 1.1;
  }

  /** A clause is locked while it is the reason of a current assignment. */
  private isLocked(cr: number): boolean {
    const first = this.clauses[cr]![0]!;
    return this.value(first) === TRUE && this.reasonOf[first >> 1] === cr;
  }

  // ---- assignment --------------------------------------------------------------------------

  private value(code: number): number {
    const a = this.assigns[code >> 1]!;
    return code & 1 ? -a : a;
  }

  private decisionLevel(): number {
    return this.trailLim.length;
  }

  private enqueue(code: number, reason: number): void {
    const v = code >> 1;
    this.assigns[v] = code & 1 ? FALSE : TRUE;
    this.levelOf[v] = this.decisionLevel();
    this.reasonOf[v] = reason;
    this.trail.push(code);
  }

  private cancelUntil(level: number): void {
    if (this.decisionLevel() <= level) return;
    const stop = this.trailLim[level]!;
    for (let i = this.trail.length - 1; i >= stop; i--) {
      const v = this.trail[i]! >> 1;
      this.phase[v] = this.assigns[v]!;
      this.assigns[v] = UNDEF;
      this.reasonOf[v] = NO_REASON;
      if (this.heapPos[v] === -1) this.heapInsert(v);
    }
    this.trail.length = stop;
    this.trailLim.length = level;
    this.qhead = Math.min(this.qhead, stop);
  }

  private pickBranch(): number {
    while (this.heap.length > 0) {
      const v = this.heapPop();
      if (this.assigns[v] === UNDEF) return 2 * v + (this.phase[v] === TRUE ? 0 : 1);
    }
    return -1;
  }

  private attach(lits: Int32Array, learnt: boolean): number {
    const cr = this.clauses.length;
    this.clauses.push(lits);
    this.learnt.push(learnt);
    this.deleted.push(false);
    this.clauseAct.push(0);
    if (learnt) this.learntCount++;
    this.watches[lits[0]!]!.push(cr);
    this.watches[lits[1]!]!.push(cr);
    return cr;
  }

  // ---- activities --------------------------------------------------------------------------

  private bumpVar(v: number): void {
    this.activity[v] += this.varInc;
    if (this.activity[v]! > 1e100) {
      for (let u = 1; u <= this.nVars; u++) this.activity[u] = this.activity[u]! * 1e-100;
      this.varInc *= 1e-100;
    }
    if (this.heapPos[v] !== -1) this.heapUp(this.heapPos[v]!);
  }

  private bumpClause(cr: number): void {
    this.clauseAct[cr] += this.clauseInc;
    if (this.clauseAct[cr]! > 1e20) {
      for (let k = 0; k < this.clauseAct.length; k++) this.clauseAct[k] = this.clauseAct[k]! * 1e-20;
      this.clauseInc *= 1e-20;
    }
  }

  // ---- heap of variables by activity (ties: lower index first, for determinism) -------------

  private before(a: number, b: number): boolean {
    const da = this.activity[a]!;
    const db = this.activity[b]!;
    return da > db || (da === db && a < b);
  }

  private heapInsert(v: number): void {
    this.heapPos[v] = this.heap.length;
    this.heap.push(v);
    this.heapUp(this.heap.length - 1);
  }

  private heapPop(): number {
    const top = this.heap[0]!;
    const last = this.heap.pop()!;
    this.heapPos[top] = -1;
    if (this.heap.length > 0) {
      this.heap[0] = last;
      this.heapPos[last] = 0;
      this.heapDown(0);
    }
    return top;
  }

  private heapUp(i: number): void {
    const v = this.heap[i]!;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const u = this.heap[parent]!;
      if (!this.before(v, u)) break;
      this.heap[i] = u;
      this.heapPos[u] = i;
      i = parent;
    }
    this.heap[i] = v;
    this.heapPos[v] = i;
  }

  private heapDown(i: number): void {
    const v = this.heap[i]!;
    const n = this.heap.length;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && this.before(this.heap[child + 1]!, this.heap[child]!)) child++;
      const u = this.heap[child]!;
      if (!this.before(u, v)) break;
      this.heap[i] = u;
      this.heapPos[u] = i;
      i = child;
    }
    this.heap[i] = v;
    this.heapPos[v] = i;
  }
}

const EMPTY = new Int32Array(0);

function toCode(lit: number): number {
  return lit > 0 ? 2 * lit : -2 * lit + 1;
}

function fromCode(code: number): number {
  return code & 1 ? -(code >> 1) : code >> 1;
}
