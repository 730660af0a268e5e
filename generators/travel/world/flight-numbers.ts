// Flight numbers: a bijection between the slot (origin, destination, day, k) and 'F' + 7 digits,
// scrambled by an affine map mod 10^7 so numbers look arbitrary but decode in O(1). A world
// therefore never stores its (hundreds of thousands of) flights; a number names its own slot.

const MODULUS = 10_000_000;
/** Coprime to 10^7, so the map is a bijection. */
const MULTIPLIER = 7_654_321;
export const MAX_FLIGHTS_PER_SLOT = 4;
export const DAYS_IN_MONTH = 31;

function modInverse(a: number, m: number): number {
  let [oldR, r] = [a, m];
  let [oldS, s] = [1, 0];
  while (r !== 0) {
    const q = Math.floor(oldR / r);
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  if (oldR !== 1) throw new Error('flight numbers: multiplier not invertible');
  return ((oldS % m) + m) % m;
}
const INVERSE = modInverse(MULTIPLIER, MODULUS);

/** (a * b) mod m without leaving the safe-integer range (a, b < 10^7). */
function mulMod(a: number, b: number, m: number): number {
  const hi = Math.floor(b / 1000);
  const lo = b % 1000;
  return (((a * hi) % m) * 1000 + a * lo) % m;
}

export interface FlightSlot {
  origin: number;
  dest: number;
  day: number;
  k: number;
}

export function slotCapacity(cityCount: number): number {
  return cityCount * cityCount * DAYS_IN_MONTH * MAX_FLIGHTS_PER_SLOT;
}

export function encodeFlightNumber(slot: FlightSlot, cityCount: number, offset: number): string {
  const idx = ((slot.origin * cityCount + slot.dest) * DAYS_IN_MONTH + (slot.day - 1)) * MAX_FLIGHTS_PER_SLOT + slot.k;
  const code = (mulMod(idx, MULTIPLIER, MODULUS) + offset) % MODULUS;
  return `F${String(code).padStart(7, '0')}`;
}

/** The slot a number names, or undefined when it names none in a world of this size. */
export function decodeFlightNumber(number: string, cityCount: number, offset: number): FlightSlot | undefined {
  const m = /^F(\d{7})$/.exec(number);
  if (!m) return undefined;
  const code = Number(m[1]);
  const idx = mulMod((code - offset + MODULUS) % MODULUS, INVERSE, MODULUS);
  if (idx >= slotCapacity(cityCount)) return undefined;
  const k = idx % MAX_FLIGHTS_PER_SLOT;
  const rest = Math.floor(idx / MAX_FLIGHTS_PER_SLOT);
  const day = (rest % DAYS_IN_MONTH) + 1;
  const pair = Math.floor(rest / DAYS_IN_MONTH);
  return { origin: Math.floor(pair / cityCount), dest: pair % cityCount, day, k };
}
