using Catalog.Classifier.Rules;
using Catalog.Data.Model;

namespace Catalog.Classifier.Decision;

/// <summary>Which capability tags the evidence supports, given the category already decided.</summary>
internal static class TagDecider
{
    private const double Threshold = 0.5;

    public static IReadOnlyList<string> Decide(IReadOnlyList<Observation> observations, Category category)
    {
        var tags = new List<string>();
        foreach (var tag in CapabilityTags.All)
        {
            if (!Applies(tag, category)) continue;
            var keep = 1.0;
            foreach (var o in observations)
            {
                if (o.Evidence.Signal == SignalIds.Tag && o.Evidence.Points == tag) keep *= 1 - o.Evidence.Weight;
            }
            if (1 - keep >= Threshold) tags.Add(tag);
        }
        return tags;
    }

    /// <summary>Evidence for the tag on this tool, strongest first.</summary>
    public static IEnumerable<Observation> EvidenceFor(IReadOnlyList<Observation> observations, string tag) =>
        observations.Where(o => o.Evidence.Signal == SignalIds.Tag && o.Evidence.Points == tag)
            .OrderByDescending(o => o.Evidence.Weight);

    // Some tags describe an effect, not a topic: reading a price is not financial, reading a channel sends nothing,
    // and bulk only matters when the change cannot be undone.
    private static bool Applies(string tag, Category category) => tag switch
    {
        CapabilityTags.Financial or CapabilityTags.ExternalCommunication or CapabilityTags.Infrastructure => category != Category.Read,
        CapabilityTags.Bulk => category == Category.Destructive,
        _ => true,
    };
}
