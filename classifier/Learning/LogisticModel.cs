using Catalog.Data.Model;

namespace Catalog.Classifier.Learning;

/// <summary>
/// Multinomial logistic regression over hashed feature buckets: three weights per bucket (Read, Write,
/// Destructive), dense in memory so a prediction is a few hundred multiply-adds and no allocation.
/// </summary>
internal sealed class LogisticModel : ICategoryModel
{
    public const int Classes = 3;

    public LogisticModel(int bucketBits, bool usesRules, float[] weights, Calibration calibration)
    {
        if (weights.Length != (1 << bucketBits) * Classes) throw new ArgumentException("weights do not match the bucket count", nameof(weights));
        BucketBits = bucketBits;
        UsesRules = usesRules;
        Weights = weights;
        Calibration = calibration;
    }

    public int BucketBits { get; }
    public bool UsesRules { get; }

    /// <summary>Row-major: bucket i has weights [3i, 3i+1, 3i+2].</summary>
    public float[] Weights { get; }

    /// <summary>Maps the combined decision's raw probability to an observed accuracy on held-out servers.</summary>
    public Calibration Calibration { get; init; }

    public void Predict(ReadOnlySpan<int> indices, ReadOnlySpan<float> values, Span<double> probabilities)
    {
        double s0 = 0, s1 = 0, s2 = 0;
        var w = Weights;
        for (var i = 0; i < indices.Length; i++)
        {
            var at = indices[i] * Classes;
            var x = values[i];
            s0 += w[at] * x;
            s1 += w[at + 1] * x;
            s2 += w[at + 2] * x;
        }
        Softmax(s0, s1, s2, probabilities);
    }

    public double Pull(int index, Category category)
    {
        var at = index * Classes;
        var own = Weights[at + (int)category];
        var others = (Weights[at] + Weights[at + 1] + Weights[at + 2] - own) / 2;
        return own - others;
    }

    public static void Softmax(double s0, double s1, double s2, Span<double> p)
    {
        var max = Math.Max(s0, Math.Max(s1, s2));
        var e0 = Math.Exp(s0 - max);
        var e1 = Math.Exp(s1 - max);
        var e2 = Math.Exp(s2 - max);
        var sum = e0 + e1 + e2;
        p[0] = e0 / sum;
        p[1] = e1 / sum;
        p[2] = e2 / sum;
    }
}
