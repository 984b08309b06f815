using Catalog.Classifier.Rules;
using Catalog.Data.Model;

namespace Catalog.Classifier.Decision;

/// <summary>
/// Turns evidence into a category, worst normal use first: Destructive if the destructive evidence is strong enough,
/// else Write, else Read — each only if it beats any claim that the tool is read-only. Evidence of one kind
/// combines as independent signals (1 − Π(1 − w)).
/// </summary>
internal static class CategoryDecider
{
    public const double DestructiveThreshold = 0.6;
    public const double WriteThreshold = 0.5;

    // A download with an "overwrite" flag writes to disk; a list with "recursive" does not.
    private const double EscalatorGate = 0.4;

    // LABELING.md: when the description and the name disagree, the description wins.
    private const double OverruledByDescription = 0.5;

    /// <param name="decided">
    /// A category already decided elsewhere (the combined rules-and-model reading) with its confidence: the evidence
    /// is then sorted into what supports and what was set aside for that category.
    /// </param>
    public static Verdict Decide(IReadOnlyList<Observation> observations, bool hasDescription,
        (Category Category, double Confidence)? decided = null, Verdict? prior = null)
    {
        var weighted = prior?.Weighted ?? Effective(observations);

        var d = Combine(weighted, Category.Destructive);
        var w = Combine(weighted, Category.Write);
        var writeOrWorse = 1 - (1 - w) * (1 - d);
        var r = Combine(weighted, Category.Read);
        Observation? claim = null;
        var claimWeight = 0.0;
        foreach (var (o, weight) in weighted)
        {
            if (o.Evidence.Signal == SignalIds.ReadOnlyClaim && weight > claimWeight) (claim, claimWeight) = (o, weight);
        }

        Category category;
        double confidence;
        if (d >= DestructiveThreshold && d > claimWeight)
        {
            category = Category.Destructive;
            confidence = d - 0.3 * claimWeight;
        }
        else if (writeOrWorse >= WriteThreshold && writeOrWorse > claimWeight)
        {
            category = Category.Write;
            // Destructive evidence that fell short of the threshold makes the call less certain.
            confidence = Math.Min(writeOrWorse, 0.95) - 0.35 * d - 0.3 * claimWeight;
        }
        else
        {
            category = Category.Read;
            var evidenceForRead = Math.Max(r, claimWeight);
            confidence = 0.55 + 0.4 * evidenceForRead - 0.5 * writeOrWorse;
        }

        if (decided is { } given) (category, confidence) = given;

        var deciding = new List<Observation>(weighted.Count);
        var decidingWeights = new List<double>(weighted.Count);
        var overruled = new List<Observation>();
        foreach (var (o, weight) in weighted)
        {
            if (Points(o, category))
            {
                if (weight >= 0.3) InsertDescending(deciding, decidingWeights, o, weight);
            }
            else if (o.Evidence.Signal != SignalIds.Tag && o.Evidence.Signal != SignalIds.ReadOnlyClaim &&
                     (Rank(o) > (int)category || o.Evidence.Weight >= 0.6))
            {
                InsertDescending(overruled, null, o, o.Evidence.Weight);
            }
        }

        if (decided is null)
        {
            string? firstSource = null;
            var sources = 0;
            foreach (var o in deciding)
            {
                if (sources == 0) { firstSource = o.Evidence.Source; sources = 1; }
                else if (o.Evidence.Source != firstSource) { sources = 2; break; }
            }
            if (sources >= 2) confidence += 0.08;
            var strongOverruled = false;
            foreach (var o in overruled) if (o.Evidence.Weight >= 0.7) strongOverruled = true;
            if (strongOverruled) confidence -= 0.1;
            if (!hasDescription) confidence *= 0.85;
        }
        confidence = Math.Round(Math.Clamp(confidence, 0.05, decided is null ? 0.98 : 0.99), 2);

        return new Verdict(category, confidence, deciding, overruled, claim)
        {
            ReadScore = Math.Max(r, claimWeight), WriteScore = w, DestructiveScore = d, Weighted = weighted,
        };
    }

    // A stable descending insert: equal weights keep the rules' order, as OrderByDescending did.
    private static void InsertDescending(List<Observation> list, List<double>? weights, Observation o, double weight)
    {
        var i = list.Count;
        if (weights is null)
        {
            while (i > 0 && list[i - 1].Evidence.Weight < weight) i--;
        }
        else
        {
            while (i > 0 && weights[i - 1] < weight) i--;
            weights.Insert(i, weight);
        }
        list.Insert(i, o);
    }

    private static bool Points(Observation o, Category c) =>
        o.IsCategory(c) && (c == Category.Read || o.Evidence.Signal != SignalIds.ReadOnlyClaim) ||
        c == Category.Read && o.Evidence.Signal == SignalIds.ReadOnlyClaim;

    private static int Rank(Observation o) => o.Evidence.Points switch
    {
        nameof(Category.Read) => 0,
        nameof(Category.Write) => 1,
        nameof(Category.Destructive) => 2,
        _ => -1,
    };

    private static List<(Observation Obs, double Weight)> Effective(IReadOnlyList<Observation> observations)
    {
        // The description's opening verb is the author's statement of the action; a name verb that says otherwise yields.
        var described = -1;
        // An explicit read-only statement in the description outweighs verbs in the name and schema hints.
        var statedReadOnly = false;
        for (var i = 0; i < observations.Count; i++)
        {
            var e = observations[i].Evidence;
            if (e.Signal == SignalIds.DescriptionVerb && e.Weight >= 0.6) described = Math.Max(described, Rank(observations[i]));
            if (e.Signal == SignalIds.ReadOnlyClaim && e.Source == Sources.Description && e.Weight >= 0.85) statedReadOnly = true;
        }

        var result = new List<(Observation, double)>(observations.Count);
        var escalators = false;
        for (var i = 0; i < observations.Count; i++)
        {
            var o = observations[i];
            var e = o.Evidence;
            if (e.Signal == SignalIds.Tag) continue;
            var weight = e.Weight;
            var fromName = e.Signal is SignalIds.NameVerb or SignalIds.TitleVerb;
            var rank = Rank(o);
            // The same verb read with more context in the name ("update-many") is not a disagreement.
            if (described > 0 && fromName && rank != described && !SameVerbDescribed(observations, o)) weight *= OverruledByDescription;
            // A description that opens with a read verb ("Adds two numbers", "Converts SQL to a REST call") overrules
            // the name's verbs and the schema's hints.
            if (described == 0 && rank > 0 && (fromName && !SameVerbDescribed(observations, o) || e.Source == Sources.Schema)) weight *= OverruledByDescription;
            if (statedReadOnly && rank > 0 && e.Signal != SignalIds.DescriptionPhrase) weight *= OverruledByDescription;
            escalators |= IsEscalator(o);
            result.Add((o, weight));
        }

        // force/overwrite/recursive only matter on a tool that changes something; list_files(recursive) is a read.
        if (escalators && Combine(result, Category.Write, Category.Destructive, evidenceWeights: true) < EscalatorGate)
        {
            for (var i = 0; i < result.Count; i++)
            {
                if (IsEscalator(result[i].Item1)) result[i] = (result[i].Item1, 0);
            }
        }
        return result;
    }

    private static bool IsEscalator(Observation o) =>
        o.Evidence.Signal == SignalIds.SchemaParam && o.Why == SchemaParameterRule.EscalatorWhy;

    // The description's verbs include this observation's verb, read the same way: a description verb whose object
    // changed its meaning only vouches for name verbs that were reread too.
    private static bool SameVerbDescribed(IReadOnlyList<Observation> observations, Observation o)
    {
        var described = false;
        for (var i = 0; i < observations.Count; i++)
        {
            var d = observations[i];
            if (d.Evidence.Signal != SignalIds.DescriptionVerb || d.Verb != o.Verb) continue;
            if (d.Contextual && !o.Contextual) return false;
            described = true;
        }
        return described;
    }

    private static double Combine(IReadOnlyList<(Observation Obs, double Weight)> items, Category category) =>
        Combine(items, category, category, evidenceWeights: false);

    /// <summary>
    /// Independent signals for <paramref name="a"/> or <paramref name="b"/> combine as 1 − Π(1 − w); the same verb seen
    /// in name, title and description is one signal and counts once, at its strongest. The product runs over the
    /// signals without a verb in order, then over each verb in the order it first appears.
    /// </summary>
    /// <param name="evidenceWeights">
    /// Weigh each signal as its rule did, before the decision's adjustments, and leave escalator flags out: how much
    /// the tool writes apart from them.
    /// </param>
    private static double Combine(IReadOnlyList<(Observation Obs, double Weight)> items, Category a, Category b, bool evidenceWeights)
    {
        var keep = 1.0;
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].Obs.Verb is null && Counts(items[i], a, b, evidenceWeights, out var weight)) keep *= 1 - weight;
        }
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].Obs.Verb is not { } verb || !Counts(items[i], a, b, evidenceWeights, out var strongest)) continue;
            if (VerbCountedBefore(items, i, verb, a, b, evidenceWeights)) continue;
            for (var j = i + 1; j < items.Count; j++)
            {
                if (items[j].Obs.Verb == verb && Counts(items[j], a, b, evidenceWeights, out var weight)) strongest = Math.Max(strongest, weight);
            }
            keep *= 1 - strongest;
        }
        return 1 - keep;
    }

    private static bool VerbCountedBefore(IReadOnlyList<(Observation Obs, double Weight)> items, int end, string verb, Category a, Category b,
        bool evidenceWeights)
    {
        for (var j = 0; j < end; j++)
        {
            if (items[j].Obs.Verb == verb && Counts(items[j], a, b, evidenceWeights, out _)) return true;
        }
        return false;
    }

    private static bool Counts((Observation Obs, double Weight) item, Category a, Category b, bool evidenceWeights, out double weight)
    {
        var o = item.Obs;
        weight = 0;
        if (o.Evidence.Signal == SignalIds.ReadOnlyClaim || !(o.IsCategory(a) || o.IsCategory(b))) return false;
        if (evidenceWeights && IsEscalator(o)) return false;
        weight = Math.Clamp(evidenceWeights ? o.Evidence.Weight : item.Weight, 0, 0.99);
        return true;
    }
}
