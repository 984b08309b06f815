using Catalog.Data.Io;

namespace Catalog.Classifier.Evaluation;

/// <summary>
/// The entry point of <c>catalog eval</c> and <c>catalog train</c>: measure a mode with grouped cross-validation,
/// measure the shipped classifier as is, or train the model that ships.
/// </summary>
public static class Evaluator
{
    /// <summary>K-fold cross-validation grouped by server (K ≥ 2).</summary>
    public static EvalReport CrossValidate(IReadOnlyList<ToolLine> lines, string inputName, int folds, ClassifierMode mode, bool ignoreAnnotations)
    {
        if (folds < 2) throw new Data.InputException($"--cv {folds}: need at least 2 folds");
        var samples = Sample.From(lines, ignoreAnnotations);
        if (samples.Count == 0) throw new Data.InputException($"{inputName}: no labelled tools (label.category)");
        var predictions = CrossValidation.Run(samples, folds, mode);
        return Metrics.Report(predictions, inputName, mode, ignoreAnnotations, folds, VersionOf(mode));
    }

    /// <summary>The classifier as configured (the committed model), on every labelled line.</summary>
    public static EvalReport Measure(IReadOnlyList<ToolLine> lines, string inputName, ClassifierOptions options)
    {
        var classifier = new ToolClassifier(options);
        var predictions = new List<Prediction>();
        foreach (var line in lines)
        {
            if (line.Label is not { } label) continue;
            var c = classifier.Classify(new ToolInput(line.Server, line.Tool));
            var sample = new Sample(line.Server, line.Tool.Name, label, c.Category, c.Confidence, false, Empty, Empty);
            predictions.Add(new Prediction(sample, c.Category, c.Confidence));
        }
        if (predictions.Count == 0) throw new Data.InputException($"{inputName}: no labelled tools (label.category)");
        return Metrics.Report(predictions, inputName, options.Mode, options.IgnoreAnnotations, 0, classifier.VersionId);
    }

    /// <summary>Trains the combined model on every labelled line, calibrates it on grouped held-out folds, and writes it.</summary>
    public static (int Tools, int Servers, int Weights) Train(IReadOnlyList<ToolLine> lines, string outPath, bool ignoreAnnotations)
    {
        var samples = Sample.From(lines, ignoreAnnotations);
        if (samples.Count == 0) throw new Data.InputException("no labelled tools (label.category) to train on");
        var model = ModelTraining.FitCalibrated(samples, withRules: true);
        var servers = samples.Select(s => s.Server).Distinct(StringComparer.Ordinal).Count();
        Learning.ModelFile.Write(outPath, model, samples.Count, servers);
        var nonZero = 0;
        for (var i = 0; i < model.Weights.Length; i += 3)
            if (model.Weights[i] != 0 || model.Weights[i + 1] != 0 || model.Weights[i + 2] != 0) nonZero++;
        return (samples.Count, servers, nonZero);
    }

    private static readonly Learning.SparseRow Empty = new([], []);

    private static string VersionOf(ClassifierMode mode) => mode switch
    {
        ClassifierMode.Rules => ToolClassifier.RulesVersion,
        ClassifierMode.Model => "model-1",
        _ => ToolClassifier.Version,
    };
}
