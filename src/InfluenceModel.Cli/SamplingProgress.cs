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
    public static T Run<T>(string title, long total, Func<IProgress<ProgressReport>?, T> work)
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
                ProgressTask task = context.AddTask(Markup.Escape(title), maxValue: Math.Max(1, total));
                result = work(new StagedProgress(task, title));
                task.Value = task.MaxValue;
            });
        return result;
    }

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
    public static T RunFraction<T>(string title, Func<IProgress<ProgressReport>?, T> work)
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
                ProgressTask task = context.AddTask(Markup.Escape(title), maxValue: 1.0);
                result = work(new FractionProgress(task, title));
                task.Value = 1.0;
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
