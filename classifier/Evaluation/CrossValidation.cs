namespace Catalog.Classifier.Evaluation;

/// <summary>K-fold cross-validation grouped by server: each fold's servers are held out whole.</summary>
internal static class CrossValidation
{
    public static IReadOnlyList<Prediction> Run(IReadOnlyList<Sample> samples, int folds, ClassifierMode mode)
    {
        if (mode == ClassifierMode.Rules) return samples.Select(s => new Prediction(s, s.RulesCategory, s.RulesConfidence)).ToList();

        var withRules = mode == ClassifierMode.Combined;
        var predictions = new Prediction?[samples.Count];
        for (var fold = 0; fold < folds; fold++)
        {
            var train = new List<Sample>();
            var held = new List<int>();
            for (var i = 0; i < samples.Count; i++)
            {
                if (GroupedFolds.Of(samples[i].Server, folds) == fold) held.Add(i);
                else train.Add(samples[i]);
            }
            if (held.Count == 0 || train.Count == 0) continue;
            var model = ModelTraining.FitCalibrated(train, withRules);
            foreach (var i in held)
            {
                var (category, raw) = ModelTraining.Predict(model, samples[i], withRules);
                predictions[i] = new Prediction(samples[i], category, Math.Round(model.Calibration.Apply(raw), 2));
            }
        }
        return predictions.Where(p => p is not null).Select(p => p!).ToList();
    }
}
