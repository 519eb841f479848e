using System.Diagnostics;

namespace InfluenceModel.Tests;

/// <summary>
/// Cancels a token from a dedicated thread after a delay and remembers when it did. A
/// <see cref="CancellationTokenSource"/> timer fires on the thread pool, which tests running in parallel (child
/// processes, a browser, Monte-Carlo loops) can starve for seconds; a latency measured from such a timer measures the
/// pool, not the code under test.
/// </summary>
internal sealed class DelayedCancel : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly Thread _thread;
    private long _cancelledAt;

    public DelayedCancel(TimeSpan delay)
    {
        _thread = new Thread(() =>
        {
            Thread.Sleep(delay);
            Volatile.Write(ref _cancelledAt, Stopwatch.GetTimestamp());
            _source.Cancel();
        })
        { IsBackground = true, Priority = ThreadPriority.AboveNormal, Name = "test canceller" };
        _thread.Start();
    }

    /// <summary>The token that is cancelled after the delay.</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>Time since the token was cancelled (<see cref="TimeSpan.MaxValue"/> before that).</summary>
    public TimeSpan SinceCancel
    {
        get
        {
            long at = Volatile.Read(ref _cancelledAt);
            return at == 0 ? TimeSpan.MaxValue : Stopwatch.GetElapsedTime(at);
        }
    }

    public void Dispose()
    {
        _thread.Join();
        _source.Dispose();
    }
}
