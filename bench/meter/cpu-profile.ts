// Preloaded into the bot when BENCH_CPU_PROF names a folder: SIGUSR2 starts V8's sampling
// profiler, the next SIGUSR2 stops it and writes `<folder>/bot-<n>.cpuprofile`. A window the
// driver opens and closes (one subject's batches) rather than `--cpu-prof`'s whole lifetime, so
// that start-up, seeding and the other subjects stay out of the profile.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';

const folder = process.env.BENCH_CPU_PROF;
if (folder) {
  const session = new Session();
  session.connect();
  let running = false;
  let written = 0;
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) =>
      session.post(method, params ?? {}, (error, result) =>
        error ? reject(error) : resolve(result),
      ),
    );
  process.on('SIGUSR2', () => {
    void (async () => {
      if (!running) {
        running = true;
        await post('Profiler.enable');
        // 250 µs: finer than the default 1 ms, a turn's parts are a few ms each.
        await post('Profiler.setSamplingInterval', { interval: 250 });
        await post('Profiler.start');
        return;
      }
      running = false;
      const { profile } = (await post('Profiler.stop')) as { profile: unknown };
      writeFileSync(join(folder, `bot-${++written}.cpuprofile`), JSON.stringify(profile));
      process.stdout.write(`${JSON.stringify({ level: 30, msg: 'cpu profile written' })}\n`);
    })();
  });
}
