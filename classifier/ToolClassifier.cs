using Catalog.Classifier.Decision;
using Catalog.Classifier.Findings;
using Catalog.Classifier.Policy;
using Catalog.Classifier.Rules;
using Catalog.Classifier.Signals;
using Catalog.Data.Model;

namespace Catalog.Classifier;

/// <summary>
/// The deterministic rules classifier: a pure function from a tool definition to its category, tags, risk class,
/// rationale, findings and recommended policy. No I/O and no shared mutable state, so one instance can serve threads.
/// </summary>
public sealed class ToolClassifier
{
    public const string Version = "rules-1";

    // Order matters only for the order of evidence in the output; every rule sees the same facts.
    private static readonly IRule[] Rules =
    [
        new NameVerbRule(),
        new DescriptionVerbRule(),
        new DescriptionPhraseRule(),
        new DescriptionMentionRule(),
        new MoneyMovementRule(),
        new SchemaParameterRule(),
        new OperationEnumRule(),
        new NameTagRule(),
        new ExternalCommunicationRule(),
        new ResourceTagRule(),
        new AnnotationRule(),
    ];

    private static readonly IFindingCheck[] Checks =
    [
        new AnnotationContradictionCheck(),
        new PromptInjectionCheck(),
        new HiddenTextCheck(),
    ];

    private readonly ClassifierOptions _options;

    public ToolClassifier(ClassifierOptions? options = null) => _options = options ?? new ClassifierOptions();

    public Classification Classify(ToolInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var facts = new ToolFacts(input, _options.IgnoreAnnotations);
        var sink = new EvidenceSink();
        foreach (var rule in Rules) rule.Apply(facts, sink);

        var observations = sink.Observations;
        var verdict = CategoryDecider.Decide(observations, facts.HasDescription);
        var tags = TagDecider.Decide(observations, verdict.Category);
        var risk = RiskTable.Classify(verdict.Category, tags);
        var rationale = RationaleWriter.Write(facts.Name, verdict, tags, risk, observations);

        var findings = new List<Finding>();
        foreach (var check in Checks) check.Check(facts, verdict, tags, findings);

        var evidence = observations.Select(o => o.Evidence).OrderByDescending(e => e.Weight).ToList();
        return new Classification(
            verdict.Category,
            tags,
            risk,
            verdict.Confidence,
            rationale,
            evidence,
            findings,
            sink.Operations.ToList(),
            PolicyRecommender.For(verdict.Category, risk, tags),
            Version);
    }
}
