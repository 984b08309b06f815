namespace Catalog.Classifier.Learning;

/// <summary>
/// Platt scaling of a confidence: calibrated = σ(A·logit(raw) + B), fitted on predictions for servers the model did
/// not train on, so that "0.9" is right about nine times in ten on tools nobody tuned for.
/// </summary>
internal sealed record Calibration(double A, double B)
{
    public static Calibration Identity { get; } = new(1, 0);

    public double Apply(double raw)
    {
        var p = Math.Clamp(raw, 1e-4, 1 - 1e-4);
        var z = A * Math.Log(p / (1 - p)) + B;
        return 1 / (1 + Math.Exp(-z));
    }

    /// <summary>
    /// Fits A and B by minimising the log loss of (raw confidence, was it right) pairs over a fixed grid, then a finer
    /// grid around the best point: no step size to diverge, and the same points always give the same answer.
    /// </summary>
    public static Calibration Fit(IReadOnlyList<(double Raw, bool Correct)> points)
    {
        if (points.Count < 20) return Identity;
        var x = new double[points.Count];
        var y = new bool[points.Count];
        for (var i = 0; i < points.Count; i++)
        {
            var p = Math.Clamp(points[i].Raw, 1e-4, 1 - 1e-4);
            x[i] = Math.Log(p / (1 - p));
            y[i] = points[i].Correct;
        }
        var (a, b) = Search(x, y, 0.05, 3.0, 0.05, -3.0, 3.0, 0.1);
        (a, b) = Search(x, y, Math.Max(0.01, a - 0.05), a + 0.05, 0.005, b - 0.1, b + 0.1, 0.01);
        return new Calibration(Math.Round(a, 3), Math.Round(b, 3));
    }

    private static (double A, double B) Search(double[] x, bool[] y, double aFrom, double aTo, double aStep, double bFrom, double bTo, double bStep)
    {
        var best = (A: 1.0, B: 0.0);
        var bestLoss = double.MaxValue;
        for (var a = aFrom; a <= aTo + 1e-9; a += aStep)
        {
            for (var b = bFrom; b <= bTo + 1e-9; b += bStep)
            {
                var loss = 0.0;
                for (var i = 0; i < x.Length; i++)
                {
                    var z = a * x[i] + b;
                    // log(1 + e^-z) for a right answer, log(1 + e^z) for a wrong one, computed without overflow.
                    var t = y[i] ? -z : z;
                    loss += t > 30 ? t : Math.Log(1 + Math.Exp(t));
                }
                if (loss < bestLoss) (bestLoss, best) = (loss, (a, b));
            }
        }
        return best;
    }
}
