using Catalog.Data.Model;

namespace Catalog.Classifier.Evaluation;

/// <summary>Computes an <see cref="EvalReport"/> from predictions.</summary>
internal static class Metrics
{
    private static readonly double[] Edges = [0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0001];

    public static EvalReport Report(IReadOnlyList<Prediction> predictions, string input, ClassifierMode mode, bool ignoreAnnotations,
        int folds, string version)
    {
        var m = new int[3, 3];
        foreach (var p in predictions) m[(int)p.Sample.Label, (int)p.Predicted]++;
        var total = predictions.Count;
        var correct = m[0, 0] + m[1, 1] + m[2, 2];

        var classes = new List<ClassScore>(3);
        foreach (var c in Enum.GetValues<Category>())
        {
            int row = 0, col = 0;
            for (var j = 0; j < 3; j++) { row += m[(int)c, j]; col += m[j, (int)c]; }
            var tp = m[(int)c, (int)c];
            var precision = col == 0 ? 0 : (double)tp / col;
            var recall = row == 0 ? 0 : (double)tp / row;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            classes.Add(new ClassScore(c, R(precision), R(recall), R(f1), row));
        }

        var buckets = new List<CalibrationBucket>();
        double gap = 0;
        for (var b = 0; b + 1 < Edges.Length; b++)
        {
            var inBucket = predictions.Where(p => p.Confidence >= Edges[b] && p.Confidence < Edges[b + 1]).ToList();
            if (inBucket.Count == 0) continue;
            var mean = inBucket.Average(p => p.Confidence);
            var accuracy = inBucket.Count(p => p.Correct) / (double)inBucket.Count;
            gap += inBucket.Count * Math.Abs(mean - accuracy);
            buckets.Add(new CalibrationBucket(Edges[b], Math.Min(1, Edges[b + 1]), inBucket.Count, R(mean), R(accuracy)));
        }

        var mistakes = predictions.Where(p => !p.Correct)
            .OrderByDescending(p => p.Confidence)
            .ThenBy(p => p.Sample.Server, StringComparer.Ordinal)
            .ThenBy(p => p.Sample.Name, StringComparer.Ordinal)
            .Select(p => new Mistake(p.Sample.Server, p.Sample.Name, p.Sample.Label, p.Predicted, p.Confidence))
            .ToList();

        var confusion = new List<IReadOnlyList<int>>(3);
        for (var i = 0; i < 3; i++) confusion.Add([m[i, 0], m[i, 1], m[i, 2]]);

        return new EvalReport(input, mode.ToString().ToLowerInvariant(), ignoreAnnotations, folds, total,
            predictions.Select(p => p.Sample.Server).Distinct(StringComparer.Ordinal).Count(),
            R(total == 0 ? 0 : (double)correct / total), R(classes.Average(c => c.F1)), classes, confusion, buckets,
            R(total == 0 ? 0 : gap / total), mistakes, version);
    }

    private static double R(double x) => Math.Round(x, 4);
}
