using Catalog.Classifier.Rules;
using Catalog.Data.Model;

namespace Catalog.Classifier.Decision;

/// <summary>Which capability tags the evidence supports, given the category already decided.</summary>
internal static class TagDecider
{
    private const double Threshold = 0.5;

    public static IReadOnlyList<string> Decide(IReadOnlyList<Observation> observations, Category category)
    {
        List<string>? tags = null;
        var all = CapabilityTags.All;
        for (var t = 0; t < all.Count; t++)
        {
            var tag = all[t];
            if (!Applies(tag, category)) continue;
            var keep = 1.0;
            for (var i = 0; i < observations.Count; i++)
            {
                var e = observations[i].Evidence;
                if (e.Signal == SignalIds.Tag && e.Points == tag) keep *= 1 - e.Weight;
            }
            if (1 - keep >= Threshold) (tags ??= []).Add(tag);
        }
        return tags ?? (IReadOnlyList<string>)[];
    }

    /// <summary>The strongest evidence for the tag on this tool (the first of equals), or null.</summary>
    public static Observation? StrongestFor(IReadOnlyList<Observation> observations, string tag)
    {
        Observation? strongest = null;
        for (var i = 0; i < observations.Count; i++)
        {
            var o = observations[i];
            if (o.Evidence.Signal != SignalIds.Tag || o.Evidence.Points != tag) continue;
            if (strongest is null || o.Evidence.Weight > strongest.Evidence.Weight) strongest = o;
        }
        return strongest;
    }

    // Some tags describe an effect, not a topic: reading a price is not financial, reading a channel sends nothing,
    // and bulk only matters when the change cannot be undone.
    private static bool Applies(string tag, Category category) => tag switch
    {
        CapabilityTags.Financial or CapabilityTags.ExternalCommunication or CapabilityTags.Infrastructure => category != Category.Read,
        CapabilityTags.Bulk => category == Category.Destructive,
        _ => true,
    };
}
