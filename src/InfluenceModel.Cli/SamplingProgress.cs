using Spectre.Console;

namespace InfluenceModel.Cli;

/// <summary>
/// A progress bar for a long fit, drawn on stderr so that a redirected stdout (`--format json &gt; fit.json`) stays
/// clean, and only when stderr is a terminal (no bar in logs, pipes and tests).
/// </summary>
internal static class SamplingProgress
{
    /// <summary>
    /// Runs <paramref name="work"/>, showing its <see cref="ProgressReport"/>s as one bar when stderr is a terminal.
    /// The stages (the sampler's "warm-up" then "sampling", which overlap across chains) add up to
    /// <paramref name="total"/> units.
    /// </summary>
    public static T Run<T>(string title, long total, Func<IProgress<ProgressReport>?, T> work) =>
        Show(title, Math.Max(1, total), task => new StagedProgress(task, title), work);

    /// <summary>Adds up the latest count of every stage; the text names the stage reported last.</summary>
    private sealed class StagedProgress(ProgressTask task, string title) : IProgress<ProgressReport>
    {
        private readonly Dictionary<string, long> _completed = new(StringComparer.Ordinal);

        public void Report(ProgressReport value)
        {
            lock (_completed)
            {
                _completed[value.Stage] = value.Completed;
                long sum = 0;
                foreach (long done in _completed.Values)
                {
                    sum += done;
                }

                task.Description = Markup.Escape($"{value.Stage}: {title}");
                task.Value = Math.Min(sum, task.MaxValue);
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/>, showing the fraction done (<see cref="ProgressReport.Fraction"/> of the stage
    /// reported last, whose name becomes the text) as one bar on stderr when stderr is a terminal.
    /// </summary>
    public static T RunFraction<T>(string title, Func<IProgress<ProgressReport>?, T> work) =>
        Show(title, 1.0, task => new FractionProgress(task, title), work);

    /// <summary>One bar on stderr (when stderr is a terminal) fed by the <see cref="IProgress{T}"/> that <paramref name="feed"/> makes.</summary>
    private static T Show<T>(string title, double maxValue, Func<ProgressTask, IProgress<ProgressReport>> feed, Func<IProgress<ProgressReport>?, T> work)
    {
        if (Console.IsErrorRedirected)
        {
            return work(null);
        }

        IAnsiConsole stderr = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        T result = default!;
        stderr.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                ProgressTask task = context.AddTask(Markup.Escape(title), maxValue: maxValue);
                result = work(feed(task));
                task.Value = task.MaxValue;
            });
        return result;
    }

    /// <summary>The bar shows the fraction of the stage reported last; the text names that stage.</summary>
    private sealed class FractionProgress(ProgressTask task, string title) : IProgress<ProgressReport>
    {
        public void Report(ProgressReport value)
        {
            lock (task)
            {
                task.Description = Markup.Escape($"{value.Stage}: {title}");
                task.Value = value.Fraction;
            }
        }
    }
}
