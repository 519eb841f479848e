namespace InfluenceModel.Internal;

/// <summary>
/// Runs simulation indices 0..count-1 over a fixed number of contiguous chunks. Each index gets its own random stream
/// (see <see cref="Xoshiro256"/>), and per-index results are written to slots and reduced in index order by the
/// caller, so the result never depends on the degree of parallelism.
/// </summary>
internal static class DeterministicParallel
{
    /// <summary>
    /// Calls <paramref name="body"/> once per chunk [start, end) with a per-chunk state from
    /// <paramref name="createState"/> (scratch buffers reused across the chunk's indices).
    /// </summary>
    public static void For<TState>(
        int count,
        int maxDegreeOfParallelism,
        Func<TState> createState,
        Action<TState, int, int> body,
        CancellationToken cancellationToken = default)
    {
        if (count <= 0)
        {
            return;
        }

        int workers = Math.Max(1, Math.Min(maxDegreeOfParallelism, count));
        // More chunks than workers balances uneven work; chunk boundaries do not affect results.
        int chunks = Math.Min(count, workers == 1 ? 1 : workers * 8);
        if (chunks == 1)
        {
            body(createState(), 0, count);
            return;
        }

        var options = ParallelScheduler.Options(workers, cancellationToken);
        Parallel.For(0, chunks, options, createState, (chunk, _, state) =>
        {
            int start = (int)((long)count * chunk / chunks);
            int end = (int)((long)count * (chunk + 1) / chunks);
            body(state, start, end);
            return state;
        }, _ => { });
    }
}
