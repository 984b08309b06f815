using Catalog.Classifier.Signals;
using Catalog.Data.Model;

namespace Catalog.Classifier.Learning;

/// <summary>
/// The words of a tool that pushed the model toward a category, for the rationale when the model, not a rule,
/// decided. Only name tokens and opening description words are considered: they are what a reader can check.
/// </summary>
internal static class ModelCues
{
    private static readonly uint NameToken = FeatureHash.Seed("n");
    private static readonly uint Opening = FeatureHash.Seed("f");

    public static IReadOnlyList<string> For(ToolFacts facts, ICategoryModel model, Category category)
    {
        var mask = (1 << model.BucketBits) - 1;
        var scored = new List<(string Word, double Pull)>();
        foreach (var t in facts.NameTokens)
        {
            if (t.Length < 3) continue;
            scored.Add((t, model.Pull((int)(FeatureHash.Mix(NameToken, FeatureHash.Of(t)) & (uint)mask), category)));
        }
        foreach (var w in facts.DescriptionWords)
        {
            if (w.Start > facts.FirstSentenceEnd) break;
            if (w.Text.Length < 4) continue;
            scored.Add((facts.Quote(w.Start, w.Length), model.Pull((int)(FeatureHash.Mix(Opening, FeatureHash.Of(w.Text)) & (uint)mask), category)));
        }
        return scored.Where(s => s.Pull > 0.05)
            .OrderByDescending(s => s.Pull)
            .Select(s => s.Word)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(2)
            .ToList();
    }
}
