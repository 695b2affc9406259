/** A mistake in how the batch was asked for (bad --shard, shard folders that do not fit together): exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
