using Spectre.Console;

namespace InfluenceModel.Tests.Cli;

/// <summary>Runs the CLI in-process with a plain (no ANSI, no colour) console and captures stdout and stderr.</summary>
internal static class CliHarness
{
    public static (int Code, string Output, string Error) Run(int width, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = width;
        int code = InfluenceModel.Cli.CliApp.Run(args, console, error);
        return (code, output.ToString(), error.ToString());
    }
}
