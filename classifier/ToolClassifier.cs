using System.Collections.Concurrent;
using Catalog.Classifier.Decision;
using Catalog.Classifier.Findings;
using Catalog.Classifier.Learning;
using Catalog.Classifier.Policy;
using Catalog.Classifier.Rules;
using Catalog.Classifier.Signals;
using Catalog.Data.Model;

namespace Catalog.Classifier;

/// <summary>
/// Classifies a tool definition: deterministic rules read the evidence, a learned model reads the same definition
/// plus the rules' outputs, and the two are combined (see <see cref="Combiner"/>) into the category, confidence,
/// tags, risk class, rationale, findings and recommended policy. No I/O after construction and no shared mutable
/// state, so one instance can serve threads.
/// </summary>
public sealed class ToolClassifier
{
    /// <summary>Stamped on every classification; a store reclassifies tools stamped with another version.</summary>
    public const string Version = "combined-3";

    /// <summary>The version when the rules decide alone (no model file, or <see cref="ClassifierMode.Rules"/>).</summary>
    public const string RulesVersion = "rules-2";

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
        new AnnotationMissingCheck(),
        new PromptInjectionCheck(),
        new ExfiltrationParameterCheck(),
        new HiddenTextCheck(),
        new ToolShadowingCheck(),
    ];

    private static readonly ConcurrentDictionary<string, LogisticModel> Loaded = new(StringComparer.Ordinal);

    [ThreadStatic] private static FeatureVector? _buffer;

    private readonly ClassifierOptions _options;
    private readonly ICategoryModel? _model;

    public ToolClassifier(ClassifierOptions? options = null)
    {
        _options = options ?? new ClassifierOptions();
        if (_options.Mode == ClassifierMode.Rules) return;
        var path = _options.ModelPath ?? ModelFile.DefaultPath();
        if (path is null)
        {
            if (_options.Mode == ClassifierMode.Model) throw new Data.InputException("no model file: run 'catalog train' or pass one");
            return;
        }
        _model = Loaded.GetOrAdd(Path.GetFullPath(path), ModelFile.Read);
    }

    internal ToolClassifier(ClassifierOptions options, ICategoryModel? model)
    {
        _options = options;
        _model = options.Mode == ClassifierMode.Rules ? null : model;
    }

    /// <summary>The version this instance stamps: the rules' alone when no model takes part.</summary>
    public string VersionId => _model is null ? RulesVersion : Version;

    public Classification Classify(ToolInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (facts, observations, rules, operations) = ApplyRules(input, _options.IgnoreAnnotations);

        var verdict = rules;
        IReadOnlyList<string> cues = [];
        if (_model is { } model)
        {
            var v = _buffer is { } b && b.Mask == (1 << model.BucketBits) - 1 ? b : _buffer = new FeatureVector(model.BucketBits);
            FeatureExtractor.Extract(facts, input.ServerId, observations, rules, model.UsesRules, v);
            Span<double> p = stackalloc double[3];
            model.Predict(v.Indices, v.Values, p);
            var (category, raw) = Combiner.Decide(p, model.UsesRules && Combiner.ExplicitDestructive(observations, rules.Category));
            var confidence = Math.Round(model.Calibration.Apply(raw), 2);
            verdict = category == rules.Category
                ? rules with { Confidence = confidence }
                : CategoryDecider.Decide(observations, facts.HasDescription, (category, confidence), rules);
            if (category != rules.Category || _options.Mode == ClassifierMode.Model) cues = ModelCues.For(facts, model, category);
        }

        var tags = TagDecider.Decide(observations, verdict.Category);
        var risk = RiskTable.Classify(verdict.Category, tags);
        var rationale = RationaleWriter.Write(facts.Name, verdict, tags, risk, observations, cues);

        var findings = new List<Finding>();
        foreach (var check in Checks) check.Check(facts, verdict, tags, findings);

        var evidence = new List<Evidence>(observations.Count);
        foreach (var o in observations) evidence.Add(o.Evidence);
        // Strongest first; a stable insertion sort keeps equal weights in the rules' order.
        for (var i = 1; i < evidence.Count; i++)
        {
            var e = evidence[i];
            var j = i - 1;
            while (j >= 0 && evidence[j].Weight < e.Weight) { evidence[j + 1] = evidence[j]; j--; }
            evidence[j + 1] = e;
        }
        return new Classification(
            verdict.Category,
            tags,
            risk,
            verdict.Confidence,
            rationale,
            evidence,
            findings,
            operations,
            PolicyRecommender.For(verdict.Category, risk, tags),
            VersionId);
    }

    /// <summary>The rules' reading of one tool, shared by classification, training and evaluation.</summary>
    internal static (ToolFacts Facts, List<Observation> Observations, Verdict Rules, IReadOnlyList<OperationClass> Operations)
        ApplyRules(ToolInput input, bool ignoreAnnotations)
    {
        var facts = new ToolFacts(input, ignoreAnnotations);
        var sink = new EvidenceSink();
        foreach (var rule in Rules) rule.Apply(facts, sink);
        var observations = sink.Observations;
        return (facts, observations, CategoryDecider.Decide(observations, facts.HasDescription), sink.Operations);
    }
}
