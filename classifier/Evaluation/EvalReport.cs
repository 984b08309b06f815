using Catalog.Data.Model;

namespace Catalog.Classifier.Evaluation;

/// <summary>Per-class precision, recall and F1 with the number of labelled tools of the class.</summary>
public sealed record ClassScore(Category Category, double Precision, double Recall, double F1, int Support);

/// <summary>One confidence bucket: how many predictions fell in [From, To) and how often they were right.</summary>
public sealed record CalibrationBucket(double From, double To, int Count, double MeanConfidence, double Accuracy);

/// <summary>A wrong prediction; a report keeps them all, most confident first.</summary>
public sealed record Mistake(string Server, string Tool, Category Label, Category Predicted, double Confidence);

/// <summary>What <c>catalog eval</c> measured, in one value the text and JSON writers both read.</summary>
/// <param name="Folds">0 when the shipped classifier was measured as is (no cross-validation).</param>
/// <param name="Confusion">Rows are labels, columns predictions, both in <see cref="Category"/> order.</param>
/// <param name="ExpectedCalibrationError">Count-weighted mean gap between confidence and accuracy over the buckets.</param>
/// <param name="Mistakes">Every wrong prediction, most confident first.</param>
public sealed record EvalReport(
    string Input,
    string Mode,
    bool IgnoreAnnotations,
    int Folds,
    int Tools,
    int Servers,
    double Accuracy,
    double MacroF1,
    IReadOnlyList<ClassScore> Classes,
    IReadOnlyList<IReadOnlyList<int>> Confusion,
    IReadOnlyList<CalibrationBucket> Calibration,
    double ExpectedCalibrationError,
    IReadOnlyList<Mistake> Mistakes,
    string ClassifierVersion)
{
    /// <summary>The ten wrong predictions made with the most confidence: the ones worth reading first.</summary>
    public IReadOnlyList<Mistake> MostConfidentMistakes => Mistakes.Count <= 10 ? Mistakes : Mistakes.Take(10).ToList();

    public ClassScore For(Category c) => Classes[(int)c];
}
