namespace InfluenceModel.Internal;

/// <summary>
/// Where the core's parallel loops (<see cref="DeterministicParallel"/>, the coverage index) start their workers on the
/// current thread: the thread pool, unless the thread's owner chose another scheduler for it. InfluenceModel.Orleans
/// runs a silo's computations and their workers on threads of its own, off the pool Orleans delivers calls and
/// cancellations on (TaskScheduler.Current would not do: Parallel.For ignores it, and inside a grain it is the grain's
/// one-at-a-time scheduler). Thread-static: each thread of such a scheduler sets it for itself.
/// </summary>
internal static class ParallelScheduler
{
    [ThreadStatic]
    private static TaskScheduler? t_scheduler;

    /// <summary>The scheduler of this thread's parallel loops (TaskScheduler.Default unless set).</summary>
    public static TaskScheduler Current => t_scheduler ?? TaskScheduler.Default;

    /// <summary>Makes <paramref name="scheduler"/> the scheduler of the loops this thread starts from now on.</summary>
    public static void SetForThisThread(TaskScheduler scheduler) => t_scheduler = scheduler;

    /// <summary>Options for a loop of at most <paramref name="maxDegreeOfParallelism"/> workers on <see cref="Current"/>.</summary>
    public static ParallelOptions Options(int maxDegreeOfParallelism, CancellationToken cancellationToken = default) =>
        new() { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken, TaskScheduler = Current };
}
