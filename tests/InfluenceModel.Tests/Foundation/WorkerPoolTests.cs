using InfluenceModel.Internal;

namespace InfluenceModel.Tests.Foundation;

/// <summary>The per-worker pool of SpreadOracle and LiveEdgeOracle: reuse, and one holder per item under contention.</summary>
public sealed class WorkerPoolTests
{
    [Fact]
    public void Rent_OnEmptyPool_MakesNewItems_AndReturnedItemIsReusedLastInFirstOut()
    {
        int made = 0;
        var pool = new WorkerPool<object>(() =>
        {
            made++;
            return new object();
        });

        object first = pool.Rent();
        object second = pool.Rent();
        Assert.Equal(2, made);
        Assert.NotSame(first, second);

        pool.Return(first);
        pool.Return(second);
        Assert.Same(second, pool.Rent());
        Assert.Same(first, pool.Rent());
        Assert.Equal(2, made);

        _ = pool.Rent();
        Assert.Equal(3, made);
    }

    [Fact]
    public void ConcurrentRentAndReturn_NeverGivesOneItemToTwoHolders_AndMakesNoMoreThanTheWorkers()
    {
        const int workers = 8;
        int made = 0;
        var pool = new WorkerPool<int[]>(() =>
        {
            Interlocked.Increment(ref made);
            return new int[1];
        });
        int overlaps = 0;
        using var start = new Barrier(workers);
        var threads = new Thread[workers];
        for (int t = 0; t < workers; t++)
        {
            // Dedicated threads (not the thread pool), so the barrier never waits for a thread that is not started.
            threads[t] = new Thread(() =>
            {
                start.SignalAndWait();
                for (int i = 0; i < 2_000; i++)
                {
                    int[] holder = pool.Rent();
                    if (Interlocked.Increment(ref holder[0]) != 1)
                    {
                        Interlocked.Increment(ref overlaps);
                    }

                    Thread.SpinWait(20);
                    Interlocked.Decrement(ref holder[0]);
                    pool.Return(holder);
                }
            });
            threads[t].Start();
        }

        foreach (Thread thread in threads)
        {
            thread.Join();
        }

        Assert.Equal(0, overlaps);
        Assert.InRange(made, 1, workers);
    }
}
