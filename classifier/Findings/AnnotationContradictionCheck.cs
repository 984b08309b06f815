using Catalog.Classifier.Decision;
using Catalog.Classifier.Rules;
using Catalog.Classifier.Signals;
using Catalog.Data.Model;

namespace Catalog.Classifier.Findings;

/// <summary>
/// The author's annotations say the opposite of what the definition shows: <c>readOnlyHint: true</c> on a delete,
/// <c>destructiveHint: false</c> on a shell runner. A client that trusts the hint would skip its confirmation.
/// Marking a read tool destructive is over-caution, not a contradiction worth a finding.
/// </summary>
internal sealed class AnnotationContradictionCheck : IFindingCheck
{
    // Only flag when the definition itself is clear; a hesitant classification must not accuse the author.
    private const double MinConfidence = 0.55;

    public void Check(ToolFacts facts, Verdict verdict, IReadOnlyList<string> tags, List<Finding> findings)
    {
        if (facts.Annotations is not { } a || verdict.Confidence < MinConfidence) return;
        var shown = verdict.Deciding.FirstOrDefault(o => o.Evidence.Source != Sources.Annotations);
        if (shown is null) return;
        var quote = QuoteText.Of(shown.Evidence.Text);

        if (a.ReadOnlyHint == true && verdict.Category != Category.Read)
        {
            findings.Add(new Finding("annotation-contradiction",
                verdict.Category == Category.Destructive ? FindingSeverity.High : FindingSeverity.Medium,
                $"readOnlyHint: true vs \"{quote}\" ({shown.Evidence.Source})",
                $"Annotated read-only, but \"{quote}\" shows it {shown.Why}."));
        }
        else if (a.DestructiveHint == false && a.ReadOnlyHint != true && verdict.Category == Category.Destructive)
        {
            var severe = tags.Any(RiskTable.Severe.Contains);
            findings.Add(new Finding("annotation-contradiction",
                severe ? FindingSeverity.High : FindingSeverity.Medium,
                $"destructiveHint: false vs \"{quote}\" ({shown.Evidence.Source})",
                $"Annotated as only additive, but \"{quote}\" shows it {shown.Why}."));
        }
    }
}
