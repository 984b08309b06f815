using Catalog.Classifier.Rules;
using Catalog.Data.Model;

namespace Catalog.Classifier.Learning;

/// <summary>
/// Joins the model's probabilities with the rules' evidence. An explicit statement ("permanently deletes",
/// "cannot be undone", "arbitrary shell commands") decides outright; otherwise the model's reading stands, except
/// that a tool the model finds ambiguous between two categories falls to the stricter one.
/// </summary>
internal static class Combiner
{
    /// <summary>A description phrase at least this strong is the author stating the effect; no model overrules it.</summary>
    public const double ExplicitEvidence = 0.85;

    /// <summary>The stricter category wins when its probability is within this factor of the likelier one.</summary>
    public const double StricterWithin = 0.4;

    /// <param name="explicitDestructive">The rules found the author stating an irreversible effect (<see cref="ExplicitDestructive"/>).</param>
    public static (Category Category, double Raw) Decide(ReadOnlySpan<double> p, bool explicitDestructive)
    {
        if (explicitDestructive) return (Category.Destructive, Math.Max(p[2], 0.9));

        var best = p[0] >= p[1] && p[0] >= p[2] ? Category.Read : p[1] >= p[2] ? Category.Write : Category.Destructive;
        var chosen = best;
        // Ambiguity falls upward: a close second that is stricter than the first takes the tool.
        if (best != Category.Destructive && p[2] >= StricterWithin * p[(int)best]) chosen = Category.Destructive;
        else if (best == Category.Read && p[1] >= StricterWithin * p[0]) chosen = Category.Write;
        return (chosen, p[(int)chosen]);
    }

    public static bool ExplicitDestructive(IReadOnlyList<Observation> observations)
    {
        foreach (var o in observations)
        {
            var e = o.Evidence;
            if (e.Signal == SignalIds.DescriptionPhrase && e.Weight >= ExplicitEvidence && e.Points == nameof(Category.Destructive)) return true;
        }
        return false;
    }
}
