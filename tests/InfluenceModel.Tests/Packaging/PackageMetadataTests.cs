using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace InfluenceModel.Tests.Packaging;

/// <summary>
/// Issue 16, the package: its README and XML docs link absolutely (a package user cannot open repository paths), every
/// such link starts with the one RepositoryUrl of Directory.Build.props and names a file that exists, and the library
/// asks for the lowest DependencyInjection.Abstractions it needs. (CI's eng/test-package-consumers.sh restores and runs
/// the samples against the packed package.)
/// </summary>
public sealed partial class PackageMetadataTests
{
    private static string Root => SharedData.RepositoryRoot;

    private static string Property(string file, string name) =>
        XDocument.Load(Path.Combine(Root, file)).Descendants(name).Single().Value;

    // A sentence's closing '.', ',' or ';' is not part of the link (as terminals and Markdown linkify it).
    [GeneratedRegex(@"https://github\.com/[^\s""')<>\]]+(?<![.,;:])")]
    private static partial Regex GitHubLink();

    private static IEnumerable<(string File, string Url)> Links()
    {
        IEnumerable<string> files = Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Concat(Directory.EnumerateFiles(Path.Combine(Root, "docs", "package"), "*.md", SearchOption.AllDirectories));
        foreach (string file in files)
        {
            foreach (Match m in GitHubLink().Matches(File.ReadAllText(file)))
            {
                if (!m.Value.StartsWith("https://github.com/dotnet/", StringComparison.Ordinal))
                {
                    yield return (Path.GetRelativePath(Root, file), m.Value);
                }
            }
        }
    }

    [Fact]
    public void EveryRepositoryLink_StartsWithTheOneRepositoryUrl_AndNamesAnExistingFile()
    {
        string repository = Property("Directory.Build.props", "RepositoryUrl");
        string prefix = repository + "/blob/main/";
        var links = Links().ToList();
        Assert.NotEmpty(links);
        Assert.All(links, link =>
        {
            Assert.True(link.Url.StartsWith(prefix, StringComparison.Ordinal), $"{link.File}: {link.Url} does not start with {prefix}");
            string relative = link.Url[prefix.Length..].Split('#')[0];
            Assert.True(File.Exists(Path.Combine(Root, relative)) || Directory.Exists(Path.Combine(Root, relative)), $"{link.File}: {relative} does not exist");
        });
    }

    [Fact]
    public void PackageReadme_HasNoRelativeLinks()
    {
        foreach (string readme in Directory.EnumerateFiles(Path.Combine(Root, "docs", "package"), "*.md", SearchOption.AllDirectories))
        {
            var relative = Regex.Matches(File.ReadAllText(readme), @"\]\((?!https://)([^)]+)\)").Select(m => m.Groups[1].Value);
            Assert.Empty(relative);
        }
    }

    [Fact]
    public void XmlDocs_HaveNoBareDocsPaths()
    {
        var bare = Directory.EnumerateFiles(Path.Combine(Root, "src", "InfluenceModel"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Where(l => l.TrimStart().StartsWith("///", StringComparison.Ordinal) && Regex.IsMatch(l, @"(?<![/""\w>])docs/")).Select(l => $"{Path.GetFileName(f)}: {l.Trim()}"));
        Assert.Empty(bare);
    }

    [Fact]
    public void Library_References_TheLowestDependencyInjectionAbstractions_ItNeeds()
    {
        Assert.Equal("8.0.0", Property("Directory.Packages.props", "DependencyInjectionAbstractionsFloor"));
        XElement reference = XDocument.Load(Path.Combine(Root, "src", "InfluenceModel", "InfluenceModel.csproj")).Descendants("PackageReference")
            .Single(e => (string?)e.Attribute("Include") == "Microsoft.Extensions.DependencyInjection.Abstractions");
        Assert.Equal("$(DependencyInjectionAbstractionsFloor)", (string?)reference.Attribute("VersionOverride"));
    }
}
