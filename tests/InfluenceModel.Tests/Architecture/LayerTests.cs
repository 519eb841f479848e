namespace InfluenceModel.Tests.Architecture;

/// <summary>
/// The layer rules of docs/architecture.md over the compiled core library: Networks → Diffusion → Seeding; Channels,
/// Budgeting and Community stand alone (Community may use Diffusion's Bass model); Inference stands alone; MediaMix uses
/// Inference and Channels; Campaigns composes; nothing below imports Campaigns or DependencyInjection, and only
/// DependencyInjection knows Microsoft.Extensions.*.
/// </summary>
public class LayerTests
{
    private const string Root = "InfluenceModel";

    [Fact]
    public void CoreLibrary_FollowsTheLayerRules()
    {
        var violations = LayerRules.Violations(LayerRules.CoreArchitecture, Root, LayerRules.Allowed);
        Assert.True(violations.Count == 0, "Layer violations:\n" + string.Join('\n', violations));
    }

    [Fact]
    public void RuleEngine_SeesTheLayersThatExist_AndTheirDependencies()
    {
        var layers = LayerRules.CoreArchitecture.Types
            .Select(t => LayerRules.LayerOf(t.Namespace.FullName, Root))
            .Where(l => l is not null)
            .ToHashSet();
        foreach (string layer in new[] { "", "Internal", "Networks", "Diffusion", "Seeding", "Channels", "Budgeting", "Community", "Campaigns", "DependencyInjection" })
        {
            Assert.Contains(layer, layers);
        }

        // The rules are not vacuous: Seeding really uses Diffusion and Networks, Campaigns the other layers.
        var seeding = LayerRules.CoreArchitecture.Types.Where(t => t.Namespace.FullName == Root + ".Seeding")
            .SelectMany(t => t.Dependencies).Select(d => d.Target.Namespace.FullName).ToHashSet();
        Assert.Contains(Root + ".Diffusion", seeding);
        Assert.Contains(Root + ".Networks", seeding);
        // Inference and MediaMix follow their rules once they exist (they have rules already; an unlisted namespace fails).
        Assert.Contains("Inference", LayerRules.Allowed.Keys);
        Assert.Equal(["Inference", "Channels"], LayerRules.Allowed["MediaMix"]);
    }

    [Fact]
    public void RuleEngine_FlagsKnownViolations()
    {
        const string samples = "InfluenceModel.Tests.Architecture.Samples";
        var architecture = LayerRules.Load(typeof(LayerTests).Assembly);
        var violations = LayerRules.Violations(architecture, samples, LayerRules.Allowed);

        Assert.Contains(violations, v => v.StartsWith(samples + ".Networks.LowerUsesHigher → " + samples + ".Seeding.Selector", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith(samples + ".Seeding.KnowsDependencyInjection → Microsoft.Extensions.DependencyInjection.IServiceCollection", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith(samples + ".Community.UsesCascade → " + samples + ".Diffusion.Cascade", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith(samples + ".Unlisted.Newcomer: namespace layer 'Unlisted' has no rule", StringComparison.Ordinal));
        // What the rules allow is not flagged.
        Assert.DoesNotContain(violations, v => v.Contains(".UsesOwnLayerAndRoot", StringComparison.Ordinal));
        Assert.DoesNotContain(violations, v => v.Contains(".UsesBass", StringComparison.Ordinal));
        Assert.Equal(4, violations.Count(v => !v.Contains('<', StringComparison.Ordinal)));
    }
}
