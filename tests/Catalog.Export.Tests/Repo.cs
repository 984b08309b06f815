namespace Catalog.Export.Tests;

/// <summary>Paths in the checkout, found by walking up from the test binaries to the folder holding Catalog.sln.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Golden => Path.Combine(Root, "tests", "Catalog.Export.Tests", "golden");

    public static string Engines => Path.Combine(Root, "tests", "policy-engines");

    /// <summary>The published product schemas beside the checkout (../shared/reference/schemas), or null.</summary>
    public static string? Schemas
    {
        get
        {
            var dir = Path.GetFullPath(Path.Combine(Root, "..", "shared", "reference", "schemas"));
            if (Directory.Exists(dir)) return dir;
            if (Environment.GetEnvironmentVariable("CI") is { Length: > 0 })
                throw new InvalidOperationException($"CI: the product schemas are missing at {dir}");
            return null;
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Catalog.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Catalog.sln not found above " + AppContext.BaseDirectory);
    }
}
