// Distances and drive times on the world's plane, and their text forms as in TravelPlanner's
// distance matrix ("14 hours 4 mins", "1,433 km"). Costs are integer dollars computed from
// distances held in tenths of a km, so they equal upstream's int(km * 0.05) and int(km) exactly.

/** Self-driving cost per car: ⌊km × 0.05⌋. */
export function selfDrivingCost(kmTenths: number): number {
  return Math.floor(kmTenths / 200);
}

/** Taxi cost per car: ⌊km⌋. */
export function taxiCost(kmTenths: number): number {
  return Math.floor(kmTenths / 10);
}

/** "1,433": thousands separated by commas, without depending on the platform's locale data. */
export function withCommas(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Orders strings by code point, the same on every machine (localeCompare depends on ICU data). */
export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** "98.6 km" below 100 km, "1,433 km" from there on (Google's rounding; the world stores whole km there). */
export function formatKm(kmTenths: number): string {
  if (kmTenths < 1000) return `${Math.floor(kmTenths / 10)}.${kmTenths % 10} km`;
  return `${withCommas(Math.round(kmTenths / 10))} km`;
}

/** Google's duration text: "45 mins", "1 hour 1 min", "14 hours 4 mins", "1 day 2 hours". */
export function formatDriveDuration(minutes: number): string {
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (minutes >= 1440) {
    const days = Math.floor(minutes / 1440);
    const hours = Math.floor((minutes % 1440) / 60);
    return hours ? `${plural(days, 'day')} ${plural(hours, 'hour')}` : plural(days, 'day');
  }
  const hours = Math.floor(minutes / 60);
  const mins = minutes % 60;
  if (!hours) return plural(mins, 'min');
  return `${plural(hours, 'hour')} ${plural(mins, 'min')}`;
}

/** TravelPlanner's ActualElapsedTime: "2 hours 24 minutes" (always both parts). */
export function formatFlightDuration(minutes: number): string {
  return `${Math.floor(minutes / 60)} hours ${minutes % 60} minutes`;
}

export function clockTime(minuteOfDay: number): string {
  const m = ((minuteOfDay % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

export function straightKm(a: { x: number; y: number }, b: { x: number; y: number }): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}
