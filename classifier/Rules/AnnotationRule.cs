using Catalog.Classifier.Signals;
using Catalog.Data.Model;

namespace Catalog.Classifier.Rules;

/// <summary>
/// The author's annotations, weighed as a claim. Kept weak: many servers mark every write destructive, and the spec
/// says clients must not trust them. A read-only claim counts against weak write evidence only.
/// </summary>
internal sealed class AnnotationRule : IRule
{
    public void Apply(ToolFacts facts, EvidenceSink sink)
    {
        if (facts.Annotations is not { } a) return;
        if (a.ReadOnlyHint == true)
        {
            sink.For(Category.Read, SignalIds.ReadOnlyClaim, Sources.Annotations, "readOnlyHint: true", 0.55, "is annotated read-only");
            return;
        }
        if (a.DestructiveHint == true)
            sink.For(Category.Destructive, SignalIds.Annotation, Sources.Annotations, "destructiveHint: true", 0.2, "is annotated destructive");
        else if (a.DestructiveHint == false)
            sink.For(Category.Write, SignalIds.Annotation, Sources.Annotations, "destructiveHint: false", 0.45, "is annotated as an additive write");
        else if (a.ReadOnlyHint == false)
            sink.For(Category.Write, SignalIds.Annotation, Sources.Annotations, "readOnlyHint: false", 0.45, "is annotated as not read-only");
    }
}
