using Spectre.Console;

namespace InfluenceModel.Cli;

/// <summary>
/// A progress bar for a long fit, drawn on stderr so that a redirected stdout (`--format json &gt; fit.json`) stays
/// clean, and only when stderr is a terminal (no bar in logs, pipes and tests).
/// </summary>
internal static class SamplingProgress
{
    /// <summary>Runs <paramref name="work"/>, showing its <see cref="ProgressReport"/>s as a bar when stderr is a terminal.</summary>
    public static T Run<T>(string title, Func<IProgress<ProgressReport>?, T> work)
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
                result = work(new TaskProgress(task, title));
                task.Value = task.MaxValue;
            });
        return result;
    }

    /// <summary>Maps the fit's stages ("warm-up", "sampling" …) onto one task: its text names the stage, its bar the fraction.</summary>
    private sealed class TaskProgress(ProgressTask task, string title) : IProgress<ProgressReport>
    {
        public void Report(ProgressReport value)
        {
            task.Description = Markup.Escape(value.Total > 0 ? $"{value.Stage} {value.Completed:N0}/{value.Total:N0}" : $"{value.Stage} ({title})");
            if (value.Total > 0)
            {
                task.MaxValue = value.Total;
                task.Value = value.Completed;
            }
        }
    }
}
