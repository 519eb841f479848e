namespace InfluenceModel.Campaigns;

/// <summary>One problem in a <see cref="CampaignScenario"/>: where it is (a JSON path such as
/// <c>$.channels[2].response.kappa</c>) and what is wrong.</summary>
/// <param name="Path">The JSON path of the offending value, starting at <c>$</c>.</param>
/// <param name="Message">What the value must be and what it was, e.g. <c>must be &gt; 0; it was -1</c>.</param>
public sealed record ScenarioProblem(string Path, string Message)
{
    /// <summary>The path and the message as one line: <c>$.budget.reserveShare must be in [0, 1]; it was 1.5</c>.</summary>
    /// <returns>The line.</returns>
    public override string ToString() => $"{Path} {Message}";
}

/// <summary>Thrown when an invalid <see cref="CampaignScenario"/> is about to run; lists every problem.</summary>
public sealed class ScenarioValidationException : ArgumentException
{
    /// <summary>Creates the exception from the problems found.</summary>
    /// <param name="problems">The problems (at least one).</param>
    public ScenarioValidationException(IReadOnlyList<ScenarioProblem> problems)
        : base(Format(problems), "scenario") => Problems = problems;

    /// <summary>Creates the exception with the default message and no problem list.</summary>
    public ScenarioValidationException()
        : this([])
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public ScenarioValidationException(string message)
        : base(message) => Problems = [];

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ScenarioValidationException(string message, Exception innerException)
        : base(message, innerException) => Problems = [];

    /// <summary>Every problem found, each with its JSON path.</summary>
    public IReadOnlyList<ScenarioProblem> Problems { get; }

    private static string Format(IReadOnlyList<ScenarioProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        return problems.Count == 0
            ? "The scenario is invalid."
            : $"The scenario has {problems.Count} problem(s): {string.Join("; ", problems)}";
    }
}
