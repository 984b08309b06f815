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
    /// <summary>
    /// A description phrase at least this strong is the author stating the effect ("permanently deletes", "creates
    /// or replaces", "overwrites"); no model overrules it.
    /// </summary>
    public const double ExplicitEvidence = 0.75;

    /// <summary>
    /// Destructive wins when its probability is within this factor of the likelier category's. Missing a destructive
    /// tool costs more than over-warning on a write, so the bar is low.
    /// </summary>
    public const double DestructiveWithin = 0.2;

    /// <summary>Write wins over Read when its probability is within this factor of Read's.</summary>
    public const double WriteWithin = 0.4;

    /// <param name="explicitDestructive">The rules found the author stating an irreversible effect (<see cref="ExplicitDestructive"/>).</param>
    public static (Category Category, double Raw) Decide(ReadOnlySpan<double> p, bool explicitDestructive)
    {
        if (explicitDestructive) return (Category.Destructive, Math.Max(p[2], 0.9));

        var best = p[0] >= p[1] && p[0] >= p[2] ? Category.Read : p[1] >= p[2] ? Category.Write : Category.Destructive;
        var chosen = best;
        // Ambiguity falls upward: a close second that is stricter than the first takes the tool.
        if (best != Category.Destructive && p[2] >= DestructiveWithin * p[(int)best]) chosen = Category.Destructive;
        else if (best == Category.Read && p[1] >= WriteWithin * p[0]) chosen = Category.Write;
        return (chosen, p[(int)chosen]);
    }

    /// <summary>An operation the schema offers by name ("action": "delete") is as explicit as a phrase.</summary>
    public const double ExplicitOperation = 0.8;

    /// <summary>A name that leads with a destroying verb ("delete_", "drop_", "pay_") that the description does not contradict.</summary>
    public const double ExplicitName = 0.85;

    /// <summary>
    /// The author states a destructive effect: a strong description phrase, an overwrite statement ("creates or
    /// replaces", "server-side apply"), a destructive operation among the tool's declared ones, or a destroying verb
    /// leading the name when the rules, having read the description too, agree.
    /// </summary>
    public static bool ExplicitDestructive(List<Observation> observations, Category rules)
    {
        foreach (var o in observations)
        {
            var e = o.Evidence;
            if (e.Points != nameof(Category.Destructive)) continue;
            if (e.Signal == SignalIds.DescriptionPhrase && e.Weight >= ExplicitEvidence) return true;
            if (e.Signal == SignalIds.OperationEnum && e.Weight >= ExplicitOperation) return true;
            if (rules == Category.Destructive && e.Signal == SignalIds.NameVerb && e.Weight >= ExplicitName) return true;
        }
        return false;
    }
}
