using InfluenceModel.Diffusion;

namespace InfluenceModel.Cli.Commands;

/// <summary>The `-m|--model ic|lt|kelman` option of `seeds` and `spread`: its one check and the model each name stands for.</summary>
internal static class DiffusionModelOption
{
    /// <summary>The error for a `--model` other than ic, lt or kelman, else <see langword="null"/>.</summary>
    public static string? Check(string model) =>
        model is "ic" or "lt" or "kelman" ? null : $"--model must be ic, lt or kelman; it was '{model}'.";

    /// <summary>
    /// The model named by a checked `--model` (<see cref="Check"/>): lt <see cref="LinearThreshold"/>, kelman
    /// <see cref="KelmanInfluence"/> with its standard parameters, ic <see cref="IndependentCascade"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="model"/> is not one of the three (a missed <see cref="Check"/>).</exception>
    public static DiffusionModel Create(string model) => model switch
    {
        "ic" => new IndependentCascade(),
        "lt" => new LinearThreshold(),
        "kelman" => new KelmanInfluence(),
        _ => throw new ArgumentOutOfRangeException(nameof(model), model, "--model must be ic, lt or kelman."),
    };
}
