using Catalog.Classifier.Rules;
using Catalog.Data.Model;

namespace Catalog.Classifier.Decision;

/// <summary>The category decision with the evidence that carried it, for the rationale and the findings.</summary>
/// <param name="Deciding">Evidence for the chosen category, strongest first.</param>
/// <param name="Overruled">Evidence for another category that was outweighed or set aside.</param>
internal sealed record Verdict(
    Category Category,
    double Confidence,
    IReadOnlyList<Observation> Deciding,
    IReadOnlyList<Observation> Overruled,
    Observation? ReadOnlyClaim)
{
    /// <summary>The rules' combined evidence for each category, 0..1, before the decision; features for the model.</summary>
    public double ReadScore { get; init; }
    public double WriteScore { get; init; }
    public double DestructiveScore { get; init; }

    /// <summary>The evidence with the weights the decision gave it, kept so a second decision does not recompute it.</summary>
    internal List<(Observation Obs, double Weight)>? Weighted { get; init; }
}
