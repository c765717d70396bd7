// The one way a byte count is written for people: progress bars, size limits, download refusals.

/** 512 -> "512 B", 1536 -> "1.5 KiB", 300 MiB -> "300 MiB": one decimal below 10, whole numbers above. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}
