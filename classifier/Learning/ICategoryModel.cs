using Catalog.Data.Model;

namespace Catalog.Classifier.Learning;

/// <summary>A learned reading of a tool: probabilities for Read, Write and Destructive from its features.</summary>
internal interface ICategoryModel
{
    /// <summary>Whether the features include the rules' own outputs (the combined model) or not (model only).</summary>
    bool UsesRules { get; }

    int BucketBits { get; }

    /// <summary>Maps the combined decision's raw probability to observed accuracy on held-out servers.</summary>
    Calibration Calibration { get; }

    /// <summary>Writes P(Read), P(Write), P(Destructive) into <paramref name="probabilities"/> (length 3).</summary>
    void Predict(ReadOnlySpan<int> indices, ReadOnlySpan<float> values, Span<double> probabilities);

    /// <summary>How much feature bucket <paramref name="index"/> pushes toward <paramref name="category"/> over the others.</summary>
    double Pull(int index, Category category);
}
