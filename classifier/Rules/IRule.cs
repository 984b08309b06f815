using Catalog.Classifier.Signals;

namespace Catalog.Classifier.Rules;

/// <summary>One small, independent reading of a tool definition. Rules only add evidence; the decision is elsewhere.</summary>
internal interface IRule
{
    void Apply(ToolFacts facts, EvidenceSink sink);
}
