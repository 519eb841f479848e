namespace InfluenceModel.Campaigns;

/// <summary>
/// Collects a scenario's problems: each domain failure (an <see cref="ArgumentException"/> thrown by a domain type's own
/// guard) becomes a <see cref="ScenarioProblem"/> at the JSON path of the offending value. Nothing here restates a bound.
/// </summary>
internal sealed class ScenarioProblems
{
    public List<ScenarioProblem> Items { get; } = [];

    public void Add(string path, string message) => Items.Add(new ScenarioProblem(path, message));

    /// <summary>Adds <paramref name="ex"/> at <paramref name="path"/> plus its parameter (camelCase, renamed through <paramref name="names"/>).</summary>
    public void Add(string path, ArgumentException ex, IReadOnlyDictionary<string, string>? names = null) =>
        Add(PathOf(path, ex.ParamName, names), MessageOf(ex));

    /// <summary>Runs <paramref name="make"/>; a domain failure is recorded and null returned.</summary>
    public T? Try<T>(string path, Func<T> make, IReadOnlyDictionary<string, string>? names = null)
        where T : class
    {
        try
        {
            return make();
        }
        catch (ArgumentException ex)
        {
            Add(path, ex, names);
            return null;
        }
    }

    /// <summary>Applies each setter to <paramref name="start"/> on its own, so every failing property is reported; returns the value with every valid setting.</summary>
    public T Apply<T>(string path, T start, IReadOnlyDictionary<string, string>? names, params Func<T, T>[] setters)
    {
        T value = start;
        foreach (Func<T, T> set in setters)
        {
            try
            {
                value = set(value);
            }
            catch (ArgumentException ex)
            {
                Add(path, ex, names);
            }
        }

        return value;
    }

    /// <summary>
    /// The JSON path of a member: <paramref name="path"/> plus the member path (<c>Segments[1].Name</c> →
    /// <c>.segments[1].name</c>), each name camelCased or renamed through <paramref name="names"/>.
    /// </summary>
    public static string PathOf(string path, string? member, IReadOnlyDictionary<string, string>? names = null)
    {
        if (string.IsNullOrEmpty(member))
        {
            return path;
        }

        var result = new System.Text.StringBuilder(path);
        foreach (string part in member.Split('.'))
        {
            int bracket = part.IndexOf('[', StringComparison.Ordinal);
            string name = bracket < 0 ? part : part[..bracket];
            string index = bracket < 0 ? "" : part[bracket..];
            string json = names is not null && names.TryGetValue(name, out string? renamed) ? renamed : Camel(name);
            result.Append('.').Append(json).Append(index);
        }

        return result.ToString();
    }

    /// <summary>The guard's message without the parameter name it starts with and without .NET's "(Parameter …)" suffix.</summary>
    public static string MessageOf(ArgumentException ex)
    {
        string message = ex.Message;
        int suffix = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        if (suffix >= 0)
        {
            message = message[..suffix];
        }

        string? name = ex.ParamName;
        foreach (string? prefix in (string?[])[name, name?[(name.LastIndexOf('.') + 1)..]])
        {
            if (prefix is { Length: > 0 } && message.StartsWith(prefix + " ", StringComparison.Ordinal))
            {
                message = message[(prefix.Length + 1)..];
                break;
            }
        }

        return message.TrimEnd('.');
    }

    private static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
