using Catalog.Site.Pages;

namespace Catalog.Site.Tests;

/// <summary>The methodology page's figures come from the evaluation report, never from text typed into the page.</summary>
public sealed class MethodologyTests
{
    private const string Report = """
        { "input": "mine.jsonl", "mode": "rules", "classifierVersion": "rules-9", "ignoreAnnotations": false, "folds": 0,
          "groupedBy": "server", "tools": 10, "servers": 2, "accuracy": 0.5, "macroF1": 0.25,
          "classes": { "Read": { "precision": 1, "recall": 0.5, "f1": 0.667, "support": 4 },
                       "Write": { "precision": 0.2, "recall": 0.5, "f1": 0.286, "support": 4 },
                       "Destructive": { "precision": 0, "recall": 0, "f1": 0, "support": 2 } },
          "confusion": { "labels": ["Read", "Write", "Destructive"], "rowsAreLabelsColumnsArePredictions": [[2, 2, 0], [2, 2, 0], [0, 2, 0]] },
          "expectedCalibrationError": 0.123,
          "calibration": [{ "from": 0.9, "to": 0.95, "count": 10, "meanConfidence": 0.91, "accuracy": 0.5 }] }
        """;

    [Fact]
    public void The_measured_accuracy_confusion_and_calibration_are_read_from_the_report()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("catalog-eval-").FullName, "report.json");
        File.WriteAllText(file, Report);

        var page = MethodologyPage.Render(new SiteOptions(EvalReport: file));

        Assert.Contains("On 10 labelled tools of 2 servers (<code>mine.jsonl</code>), the committed classifier measured as is", page, StringComparison.Ordinal);
        Assert.Contains("Category accuracy <strong>0.500</strong>, macro-F1 0.250.", page, StringComparison.Ordinal);
        Assert.Contains("<tr><th>Destructive</th><td>0</td><td>2</td><td>0</td></tr>", page, StringComparison.Ordinal);
        Assert.Contains("<tr><td>0.90–0.95</td><td>10</td><td>0.910</td><td>0.500</td></tr>", page, StringComparison.Ordinal);
        Assert.Contains("expected calibration error 0.123", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_report_the_page_says_so_and_how_to_make_one()
    {
        var page = MethodologyPage.Render(new SiteOptions(EvalReport: Path.Combine(Path.GetTempPath(), "no-such-report.json")));

        Assert.Contains("No evaluation report was given to this build", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Category accuracy", page, StringComparison.Ordinal);
    }
}
