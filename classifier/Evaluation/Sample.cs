using Catalog.Classifier.Learning;
using Catalog.Data.Io;
using Catalog.Data.Model;

namespace Catalog.Classifier.Evaluation;

/// <summary>
/// One labelled tool read once for training and evaluation: the rules' verdict and both feature vectors (with and
/// without the rules' outputs), so cross-validation trains many models without re-reading any tool.
/// </summary>
internal sealed record Sample(
    string Server,
    string Name,
    Category Label,
    Category RulesCategory,
    double RulesConfidence,
    bool ExplicitDestructive,
    SparseRow WithRules,
    SparseRow WithoutRules)
{
    public static IReadOnlyList<Sample> From(IReadOnlyList<ToolLine> lines, bool ignoreAnnotations, int bucketBits = FeatureExtractor.DefaultBucketBits)
    {
        var samples = new List<Sample>(lines.Count);
        var v = new FeatureVector(bucketBits);
        foreach (var line in lines)
        {
            if (line.Label is not { } label) continue;
            var input = new ToolInput(line.Server, line.Tool);
            var (facts, observations, rules, _) = ToolClassifier.ApplyRules(input, ignoreAnnotations);
            FeatureExtractor.Extract(facts, line.Server, observations, rules, withRules: true, v);
            var with = v.ToRow();
            FeatureExtractor.Extract(facts, line.Server, observations, rules, withRules: false, v);
            samples.Add(new Sample(line.Server, line.Tool.Name, label, rules.Category, rules.Confidence,
                Combiner.ExplicitDestructive(observations, rules.Category), with, v.ToRow()));
        }
        return samples;
    }

    public SparseRow Row(bool withRules) => withRules ? WithRules : WithoutRules;
}

/// <summary>One held-out prediction.</summary>
internal sealed record Prediction(Sample Sample, Category Predicted, double Confidence)
{
    public bool Correct => Predicted == Sample.Label;
}
