using Catalog.Classifier.Decision;
using Catalog.Classifier.Signals;
using Catalog.Data.Model;

namespace Catalog.Classifier.Findings;

/// <summary>A check on the definition itself, beside its class. Silent on ordinary tools: a false alarm teaches people to ignore the rest.</summary>
internal interface IFindingCheck
{
    void Check(ToolFacts facts, Verdict verdict, IReadOnlyList<string> tags, List<Finding> findings);
}
