using System.Text.Json;
using Catalog.Data.Model;

namespace Catalog.Classifier.Tests.Dataset;

/// <summary>What must hold for every classified tool, whatever its category.</summary>
internal static class Invariants
{
    public static IEnumerable<string> Check(string toolName, Classification c)
    {
        var sentences = RationaleTests.SentenceEnd().Matches(c.Rationale).Count;
        if (sentences is < 2 or > 4) yield return $"rationale has {sentences} sentences: {c.Rationale}";

        var levels = RationaleTests.RiskWord().Matches(c.Rationale).Select(m => m.Value.ToLowerInvariant()).Distinct().ToList();
        if (levels.Count != 1 || levels[0] != c.Risk.ToString().ToLowerInvariant())
            yield return $"rationale names [{string.Join(',', levels)}] but the class is {c.Risk}: {c.Rationale}";

        if (c.Confidence is < 0 or > 1) yield return $"confidence {c.Confidence}";
        foreach (var tag in c.Tags.Where(t => !CapabilityTags.IsKnown(t))) yield return $"unknown tag {tag}";
        if (RiskTable.Classify(c.Category, c.Tags) != c.Risk) yield return $"risk {c.Risk} is not the table's";

        string? policyError = null;
        try
        {
            using var doc = JsonDocument.Parse(Policy.PolicyLayerDocument.ForTool(toolName, c));
            if (doc.RootElement.GetProperty("version").GetString() != "1" || doc.RootElement.GetProperty("default").GetString() != "deny")
                policyError = "policy lacks version 1 / default deny";
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException)
        {
            policyError = "policy JSON invalid: " + e.Message;
        }
        if (policyError is not null) yield return policyError;
    }
}
