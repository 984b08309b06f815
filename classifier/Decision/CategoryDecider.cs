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
        var category = new List<Observation>(observations.Count);
        foreach (var o in observations) if (o.Evidence.Signal != SignalIds.Tag) category.Add(o);

        // The description's opening verb is the author's statement of the action; a name verb that says otherwise yields.
        var described = -1;
        // An explicit read-only statement in the description outweighs verbs in the name and schema hints.
        var statedReadOnly = false;
        var baseKeep = 1.0;
        Dictionary<string, double>? baseByVerb = null;
        HashSet<string?>? describedVerbs = null;
        // The same verb read differently: the reading whose object changed the verb's meaning knows more.
        HashSet<string?>? reread = null;
        foreach (var o in category)
        {
            var e = o.Evidence;
            if (e.Signal == SignalIds.DescriptionVerb)
            {
                if (e.Weight >= 0.6) described = Math.Max(described, Rank(o));
                (describedVerbs ??= new HashSet<string?>()).Add(o.Verb);
                if (o.Contextual) (reread ??= new HashSet<string?>()).Add(o.Verb);
            }
            if (e.Signal == SignalIds.ReadOnlyClaim && e.Source == Sources.Description && e.Weight >= 0.85) statedReadOnly = true;
            if (e.Signal != SignalIds.SchemaParam || o.Why != SchemaParameterRule.EscalatorWhy)
                Accumulate(o, e.Weight, Category.Write, Category.Destructive, ref baseKeep, ref baseByVerb);
        }
        var baseWrite = Finish(baseKeep, baseByVerb);
        var result = new List<(Observation, double)>(category.Count);
        foreach (var o in category)
        {
            var e = o.Evidence;
            var weight = e.Weight;
            var fromName = e.Signal is SignalIds.NameVerb or SignalIds.TitleVerb;
            var rank = Rank(o);
            // The same verb read with more context in the name ("update-many") is not a disagreement.
            var sameVerb = describedVerbs is not null && describedVerbs.Contains(o.Verb) && !(reread is not null && reread.Contains(o.Verb) && !o.Contextual);
            if (described > 0 && fromName && rank != described && !sameVerb) weight *= OverruledByDescription;
            // A description that opens with a read verb ("Adds two numbers", "Converts SQL to a REST call") overrules
            // the name's verbs and the schema's hints.
            if (described == 0 && rank > 0 && (fromName && !sameVerb || e.Source == Sources.Schema)) weight *= OverruledByDescription;
            if (statedReadOnly && rank > 0 && e.Signal != SignalIds.DescriptionPhrase) weight *= OverruledByDescription;
            // force/overwrite/recursive only matter on a tool that changes something; list_files(recursive) is a read.
            if (o.Why == SchemaParameterRule.EscalatorWhy && baseWrite < EscalatorGate) weight = 0;
            result.Add((o, weight));
        }
        return result;
    }

    // Independent signals combine as 1 − Π(1 − w); the same verb seen in name, title and description is one signal
    // and counts once, at its strongest.
    private static double Combine(IReadOnlyList<(Observation Obs, double Weight)> items, Category category)
    {
        var keep = 1.0;
        Dictionary<string, double>? byVerb = null;
        foreach (var (o, w) in items) Accumulate(o, w, category, category, ref keep, ref byVerb);
        return Finish(keep, byVerb);
    }

    private static void Accumulate(Observation o, double w, Category a, Category b, ref double keep, ref Dictionary<string, double>? byVerb)
    {
        if (o.Evidence.Signal == SignalIds.ReadOnlyClaim || !(o.IsCategory(a) || o.IsCategory(b))) return;
        var weight = Math.Clamp(w, 0, 0.99);
        if (o.Verb is { } verb)
        {
            byVerb ??= new Dictionary<string, double>(StringComparer.Ordinal);
            byVerb[verb] = Math.Max(byVerb.GetValueOrDefault(verb), weight);
            return;
        }
        keep *= 1 - weight;
    }

    private static double Finish(double keep, Dictionary<string, double>? byVerb)
    {
        if (byVerb is not null)
        {
            foreach (var w in byVerb.Values) keep *= 1 - w;
        }
        return 1 - keep;
    }
}
