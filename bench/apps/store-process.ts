// The embedded store in a process of its own, as a real Cosmos account is outside the bot: its
// CPU and memory are not the bot's, and the bot's peak RSS is the bot's alone.
import { startEmbeddedCosmos } from '../../src/storage/embedded/embedded-cosmos';

async function main(): Promise<void> {
  const dataDir = process.env.BENCH_STORE_DIR;
  if (!dataDir) throw new Error('BENCH_STORE_DIR is required');
  const store = await startEmbeddedCosmos({ dataDir, port: 0 });
  const stop = () => void store.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  process.on('disconnect', stop);
  process.channel?.unref();
  process.stdout.write(`${JSON.stringify({ msg: 'store ready', endpoint: store.endpoint })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
