using Catalog.Classifier.Learning;
using Catalog.Data.Model;

namespace Catalog.Classifier.Evaluation;

/// <summary>
/// Trains a model on samples and calibrates its confidence on predictions for servers it did not see: an inner
/// grouped cross-validation inside the training servers supplies the held-out points the calibration is fitted on.
/// </summary>
internal static class ModelTraining
{
    public const int CalibrationFolds = 4;
    private const uint InnerSalt = 0x5EED;

    public static LogisticModel Fit(IReadOnlyList<Sample> train, bool withRules, LogisticTrainer? trainer = null)
    {
        trainer ??= new LogisticTrainer();
        var rows = new List<SparseRow>(train.Count);
        var labels = new List<int>(train.Count);
        var servers = new List<string>(train.Count);
        foreach (var s in train)
        {
            rows.Add(s.Row(withRules));
            labels.Add((int)s.Label);
            servers.Add(s.Server);
        }
        return trainer.Train(rows, labels, servers, FeatureExtractor.DefaultBucketBits, withRules);
    }

    public static LogisticModel FitCalibrated(IReadOnlyList<Sample> train, bool withRules, LogisticTrainer? trainer = null)
    {
        var points = new List<(double, bool)>(train.Count);
        for (var fold = 0; fold < CalibrationFolds; fold++)
        {
            var inner = train.Where(s => GroupedFolds.Of(s.Server, CalibrationFolds, InnerSalt) != fold).ToList();
            var held = train.Where(s => GroupedFolds.Of(s.Server, CalibrationFolds, InnerSalt) == fold).ToList();
            if (inner.Count == 0 || held.Count == 0) continue;
            var m = Fit(inner, withRules, trainer);
            foreach (var s in held)
            {
                var (category, raw) = Predict(m, s, withRules);
                points.Add((raw, category == s.Label));
            }
        }
        var model = Fit(train, withRules, trainer);
        return new LogisticModel(model.BucketBits, model.UsesRules, model.Weights, Calibration.Fit(points));
    }

    /// <summary>The combined decision for one sample, before calibration.</summary>
    public static (Category Category, double Raw) Predict(ICategoryModel model, Sample s, bool withRules)
    {
        Span<double> p = stackalloc double[3];
        var row = s.Row(withRules);
        model.Predict(row.Indices, row.Values, p);
        return Combiner.Decide(p, withRules && s.ExplicitDestructive);
    }
}
