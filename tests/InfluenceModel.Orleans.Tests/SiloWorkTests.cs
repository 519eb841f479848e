using InfluenceModel.Internal;

namespace InfluenceModel.Orleans.Tests;

/// <summary>
/// The silo's computation scheduler: work and the parallel workers it starts run on its own threads, never the thread
/// pool's (Orleans delivers calls and cancellations there); tasks never wait for one another; failures and
/// cancellations reach the caller.
/// </summary>
public sealed class SiloWorkTests
{
    [Fact]
    public async Task Work_AndItsParallelWorkers_RunOffThePool()
    {
        var pooled = new List<bool>();
        bool outer = await SiloWork.Run(
            () =>
            {
                // The core's parallel loop (as the RR sampler and the Monte-Carlo ranges run it), 4 workers.
                DeterministicParallel.For(64, 4, () => 0, (_, start, end) =>
                {
                    for (int i = start; i < end; i++)
                    {
                        Thread.Sleep(1); // give the other workers time to join
                        lock (pooled)
                        {
                            pooled.Add(Thread.CurrentThread.IsThreadPoolThread);
                        }
                    }
                });
                return Thread.CurrentThread.IsThreadPoolThread;
            },
            TestContext.Current.CancellationToken);

        Assert.False(outer);
        Assert.Equal(64, pooled.Count);
        Assert.DoesNotContain(true, pooled);
    }

    [Fact]
    public async Task ManyTasksThatWaitForEachOther_AllFinish()
    {
        // 16 tasks that each wait until all 16 have started: with a fixed number of threads they would never finish.
        const int Tasks = 16;
        using var started = new CountdownEvent(Tasks);
        Task<bool>[] tasks = [.. Enumerable.Range(0, Tasks).Select(_ => SiloWork.Run(
            () =>
            {
                started.Signal();
                return started.Wait(TimeSpan.FromSeconds(20));
            },
            TestContext.Current.CancellationToken))];

        bool[] all = await Task.WhenAll(tasks);

        Assert.All(all, Assert.True);
    }

    [Fact]
    public async Task Failure_ReachesTheCaller()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            SiloWork.Run<int>(() => throw new InvalidOperationException("boom"), TestContext.Current.CancellationToken));

        Assert.Equal("boom", error.Message);
    }

    [Fact]
    public async Task Cancellation_BeforeOrDuringTheWork_CancelsTheTask()
    {
        using var before = new CancellationTokenSource();
        before.Cancel();
        bool ran = false;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => SiloWork.Run(() => ran = true, before.Token));
        Assert.False(ran);

        using var during = new CancellationTokenSource();
        Task running = SiloWork.Run(
            () =>
            {
                while (true)
                {
                    during.Token.ThrowIfCancellationRequested();
                    Thread.Sleep(1);
                }
            },
            during.Token);
        during.CancelAfter(50);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        Assert.True(running.IsCanceled);
    }
}
