using System.Text.RegularExpressions;

namespace Catalog.Crawler.Sources;

/// <summary>npm's rules for names and exact versions; anything else never reaches a command line.</summary>
public static partial class NpmPackageName
{
    [GeneratedRegex("^(@[a-z0-9-~][a-z0-9-._~]*/)?[a-z0-9-~][a-z0-9-._~]*$")]
    private static partial Regex Name();

    [GeneratedRegex(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$")]
    private static partial Regex ExactVersion();

    public static bool IsValid(string name) => name.Length <= 214 && Name().IsMatch(name);

    public static bool IsValidVersion(string version) => version.Length <= 64 && ExactVersion().IsMatch(version);
}
