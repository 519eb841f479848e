using Spectre.Console;

namespace InfluenceModel.Tests.Cli;

/// <summary>Runs the CLI in-process with a plain (no ANSI, no colour) console and captures stdout and stderr.</summary>
internal static class CliHarness
{
    public static (int Code, string Output, string Error) Run(int width, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = InfluenceModel.Cli.CliApp.Run(args, PlainConsole(output, width), error);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>A console without ANSI, colour or interaction, <paramref name="width"/> columns wide, writing to <paramref name="output"/>.</summary>
    public static IAnsiConsole PlainConsole(TextWriter output, int width = 120)
    {
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = width;
        return console;
    }
}
