using Catalog.Classifier.Learning;

namespace Catalog.Classifier.Tests.Learning;

public sealed class LogisticTrainerTests
{
    // Three classes, each marked by its own bucket, plus noise buckets every row shares.
    private static (List<SparseRow> Rows, List<int> Labels, List<string> Servers) Separable()
    {
        var rows = new List<SparseRow>();
        var labels = new List<int>();
        var servers = new List<string>();
        for (var i = 0; i < 60; i++)
        {
            var label = i % 3;
            rows.Add(new SparseRow([0, 10 + label, 100 + i % 7], [1f, 1f, 0.5f]));
            labels.Add(label);
            servers.Add($"server-{i % 6}");
        }
        return (rows, labels, servers);
    }

    [Fact]
    public void Training_learns_a_separable_problem()
    {
        var (rows, labels, servers) = Separable();
        var model = new LogisticTrainer().Train(rows, labels, servers, 10, usesRules: false);
        Span<double> p = stackalloc double[3];
        for (var label = 0; label < 3; label++)
        {
            model.Predict([0, 10 + label], [1f, 1f], p);
            Assert.True(p[label] > 0.8, $"class {label}: p = {p[label]:F2}");
        }
    }

    [Fact]
    public void Training_twice_gives_identical_weights()
    {
        var (rows, labels, servers) = Separable();
        var a = new LogisticTrainer().Train(rows, labels, servers, 10, usesRules: false);
        var b = new LogisticTrainer().Train(rows, labels, servers, 10, usesRules: false);
        Assert.Equal(a.Weights, b.Weights);
    }

    [Fact]
    public void A_bucket_seen_in_one_server_only_gets_no_weight()
    {
        var (rows, labels, servers) = Separable();
        rows[0] = new SparseRow([0, 10, 500], [1f, 1f, 1f]);
        var model = new LogisticTrainer().Train(rows, labels, servers, 10, usesRules: false);
        Assert.Equal(0f, model.Weights[500 * 3]);
        Assert.NotEqual(0f, model.Weights[10 * 3]);
    }

    [Fact]
    public void Calibration_pulls_overconfident_scores_down()
    {
        // Raw 0.99 but right only 70% of the time.
        var points = Enumerable.Range(0, 100).Select(i => (0.99, i % 10 < 7)).ToList();
        var c = Calibration.Fit(points);
        Assert.InRange(c.Apply(0.99), 0.6, 0.8);
    }

    [Fact]
    public void Model_file_round_trips()
    {
        var (rows, labels, servers) = Separable();
        var model = new LogisticTrainer().Train(rows, labels, servers, 10, usesRules: true);
        var path = Path.Combine(Path.GetTempPath(), $"model-{Guid.NewGuid():N}.json");
        try
        {
            ModelFile.Write(path, new LogisticModel(10, true, model.Weights, new Calibration(0.8, -0.1)), 60, 6);
            var read = ModelFile.Read(path);
            Assert.Equal(model.Weights, read.Weights);
            Assert.True(read.UsesRules);
            Assert.Equal(0.8, read.Calibration.A);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
