using Catalog.Classifier.Decision;
using Catalog.Classifier.Signals;
using Catalog.Data.Model;

namespace Catalog.Classifier.Findings;

/// <summary>
/// A clearly destructive tool that runs code, moves money or acts in bulk and declares no annotations at all. Only
/// then, and only at low severity: a client that reads hints has nothing to go on, while a tool with some annotations
/// has made a claim the contradiction check weighs. Unannotated tools are too common for a line on each.
/// </summary>
internal sealed class AnnotationMissingCheck : IFindingCheck
{
    private const double MinConfidence = 0.8;

    public void Check(ToolFacts facts, Verdict verdict, IReadOnlyList<string> tags, List<Finding> findings)
    {
        // Annotations ignored by option means nothing is known about them; say nothing.
        if (!facts.AnnotationsRead || facts.Annotations is not null) return;
        if (verdict.Category != Category.Destructive || verdict.Confidence < MinConfidence) return;
        if (!tags.Any(RiskTable.Severe.Contains)) return;
        var shown = verdict.Deciding.FirstOrDefault();
        if (shown is null) return;
        var quote = QuoteText.Of(shown.Evidence.Text);
        findings.Add(new Finding("annotation-missing", FindingSeverity.Low,
            $"no annotations; \"{quote}\" ({shown.Evidence.Source})",
            $"Declares no destructiveHint although \"{quote}\" shows it {shown.Why}, so hint-reading clients get no warning."));
    }
}
