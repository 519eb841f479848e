using System.Diagnostics;

namespace InfluenceModel.Internal;

/// <summary>
/// Thread-safe, throttled progress for a long operation: workers call <see cref="Advance"/> as units complete; a report
/// reaches the caller's <see cref="IProgress{T}"/> at most every <see cref="Interval"/>, plus one at
/// <see cref="Complete"/>. A null sink costs one interlocked add per call.
/// </summary>
internal sealed class ProgressReporter
{
    private static readonly long Interval = Stopwatch.Frequency / 20; // 50 ms
    private readonly IProgress<ProgressReport>? _sink;
    private readonly string _stage;
    private readonly long _total;
    private long _completed;
    private long _lastReport;

    public ProgressReporter(IProgress<ProgressReport>? sink, string stage, long total)
    {
        _sink = sink;
        _stage = stage;
        _total = total;
        _lastReport = Stopwatch.GetTimestamp();
    }

    public long Completed => Interlocked.Read(ref _completed);

    /// <summary>Adds <paramref name="units"/> completed units and reports if the interval has passed.</summary>
    public void Advance(long units = 1)
    {
        long done = Interlocked.Add(ref _completed, units);
        if (_sink is null)
        {
            return;
        }

        long now = Stopwatch.GetTimestamp();
        long last = Interlocked.Read(ref _lastReport);
        if (now - last >= Interval && Interlocked.CompareExchange(ref _lastReport, now, last) == last)
        {
            _sink.Report(new ProgressReport(_stage, Math.Min(done, _total > 0 ? _total : done), _total));
        }
    }

    /// <summary>Reports the stage as complete.</summary>
    public void Complete() => _sink?.Report(new ProgressReport(_stage, _total > 0 ? _total : Completed, _total));
}
