// Preloaded with `node --import` by the benchmarks: prints the process's own CPU time (user + system) on exit, a
// figure that other work on a shared machine disturbs much less than wall time.
process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  process.stderr.write(`\nKUBE_SBOM_BENCH_CPU_MS ${((user + system) / 1000).toFixed(1)}\n`);
});
export {};
