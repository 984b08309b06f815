using System.Text.Json;
using Catalog.Data.Model;

namespace Catalog.Classifier.Tests.Cases;

/// <summary>
/// Regression cases as files: <c>cases/NNN-name.tool.json</c> is a tool definition as a server returns it, and
/// <c>NNN-name.expected.json</c> what the classifier must say about it. Adding a case is adding two files.
/// </summary>
public sealed class CaseTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "cases");

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Folder, "*.tool.json").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(file)[..^".tool.json".Length]);
        return data;
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Case_classifies_as_expected(string name)
    {
        var tool = JsonSerializer.Deserialize(File.ReadAllText(Path.Combine(Folder, name + ".tool.json")), CatalogJson.Default.ToolDefinition)!;
        using var expectedDoc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, name + ".expected.json")));
        var expected = expectedDoc.RootElement;

        var c = new ToolClassifier().Classify(new ToolInput("case-server", tool));

        Assert.Equal(Enum.Parse<Category>(expected.GetProperty("category").GetString()!), c.Category);
        if (expected.TryGetProperty("risk", out var risk)) Assert.Equal(Enum.Parse<RiskClass>(risk.GetString()!), c.Risk);
        foreach (var tag in Strings(expected, "tags")) Assert.Contains(tag, c.Tags);
        foreach (var tag in Strings(expected, "tagsAbsent")) Assert.DoesNotContain(tag, c.Tags);
        foreach (var type in Strings(expected, "findings")) Assert.Contains(c.Findings, f => f.Type == type);
        if (!expected.TryGetProperty("findings", out _)) Assert.Empty(c.Findings);
        if (expected.TryGetProperty("rationaleSays", out var says)) Assert.Contains(says.GetString()!, c.Rationale);
        if (expected.TryGetProperty("rationaleNeverSays", out var never)) Assert.DoesNotContain(never.GetString()!, c.Rationale, StringComparison.OrdinalIgnoreCase);
        if (expected.TryGetProperty("operations", out var ops))
        {
            foreach (var op in ops.EnumerateObject())
                Assert.Contains(c.Operations, o => o.Value == op.Name && o.Category == Enum.Parse<Category>(op.Value.GetString()!));
        }
        Assert.Equal(RiskTable.Classify(c.Category, c.Tags), c.Risk);
    }

    private static IEnumerable<string> Strings(JsonElement e, string property) =>
        e.TryGetProperty(property, out var a) ? a.EnumerateArray().Select(x => x.GetString()!) : [];
}
