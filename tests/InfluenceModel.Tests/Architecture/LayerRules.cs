using ArchUnitNET.Domain;
using ArchUnitNET.Domain.Dependencies;
using ArchUnitNET.Loader;

namespace InfluenceModel.Tests.Architecture;

/// <summary>
/// The layer rules of docs/architecture.md as data, and the check that every type-level dependency the compiled IL
/// holds (signatures, fields, attributes, method bodies — as ArchUnitNET reads them) follows them.
/// </summary>
internal static class LayerRules
{
    /// <summary>The layers (namespaces under the root) each layer may use besides itself, the root and Internal.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Allowed = new Dictionary<string, string[]>
    {
        ["Internal"] = [],
        ["Networks"] = [],
        ["Diffusion"] = ["Networks"],
        ["Seeding"] = ["Networks", "Diffusion"],
        ["Channels"] = [],
        ["Budgeting"] = [],
        ["Community"] = ["Diffusion.Bass"], // Community may use Diffusion's Bass model, nothing else of Diffusion
        ["Inference"] = [],
        ["MediaMix"] = ["Inference", "Channels"],
        ["Opinions"] = ["Networks"],
        ["Campaigns"] = ["Networks", "Diffusion", "Seeding", "Channels", "Budgeting", "Community", "Inference", "MediaMix", "Opinions"],
        ["DependencyInjection"] = ["Networks", "Diffusion", "Seeding", "Channels", "Budgeting", "Community", "Inference", "MediaMix", "Campaigns", "Opinions", "Microsoft.Extensions"],
    };

    private static readonly Lazy<ArchUnitNET.Domain.Architecture> Core = new(() => Load(typeof(SimulationOptions).Assembly));

    /// <summary>The core library as ArchUnitNET reads it (loaded once).</summary>
    public static ArchUnitNET.Domain.Architecture CoreArchitecture => Core.Value;

    public static ArchUnitNET.Domain.Architecture Load(System.Reflection.Assembly assembly) => new ArchLoader().LoadAssemblies(assembly).Build();

    /// <summary>The layer of a namespace under <paramref name="root"/>: "" for the root itself, the first segment otherwise; null outside the root.</summary>
    public static string? LayerOf(string @namespace, string root) =>
        @namespace == root ? ""
        : @namespace.StartsWith(root + ".", StringComparison.Ordinal) ? @namespace[(root.Length + 1)..].Split('.')[0]
        : null;

    /// <summary>
    /// Every dependency of a type under <paramref name="root"/> that breaks a rule, as "Source → Target (rule)". A layer
    /// missing from <paramref name="allowed"/> is itself a violation (a new namespace needs its rule first).
    /// </summary>
    public static IReadOnlyList<string> Violations(ArchUnitNET.Domain.Architecture architecture, string root, IReadOnlyDictionary<string, string[]> allowed)
    {
        var violations = new SortedSet<string>(StringComparer.Ordinal);
        foreach (IType type in architecture.Types)
        {
            string? layer = LayerOf(type.Namespace.FullName, root);
            if (layer is null)
            {
                continue;
            }

            if (layer != "" && !allowed.ContainsKey(layer))
            {
                violations.Add($"{type.FullName}: namespace layer '{layer}' has no rule in docs/architecture.md");
                continue;
            }

            string[] uses = layer == "" ? [] : allowed[layer];
            foreach (ITypeDependency dependency in type.Dependencies)
            {
                IType target = dependency.Target;
                string targetNamespace = target.Namespace.FullName;
                if (targetNamespace.StartsWith("Microsoft.Extensions", StringComparison.Ordinal))
                {
                    if (!uses.Contains("Microsoft.Extensions"))
                    {
                        violations.Add($"{type.FullName} → {target.FullName} (only DependencyInjection knows Microsoft.Extensions)");
                    }

                    continue;
                }

                string? targetLayer = LayerOf(targetNamespace, root);
                if (targetLayer is null || targetLayer == "" || targetLayer == "Internal" || targetLayer == layer)
                {
                    continue;
                }

                bool ok = uses.Any(u => u == targetLayer || (u.StartsWith(targetLayer + ".", StringComparison.Ordinal)
                    && target.Name.StartsWith(u[(targetLayer.Length + 1)..], StringComparison.Ordinal)));
                if (!ok)
                {
                    violations.Add($"{type.FullName} → {target.FullName} ({(layer == "" ? "the root namespace" : layer)} may not use {targetLayer})");
                }
            }
        }

        return [.. violations];
    }
}
