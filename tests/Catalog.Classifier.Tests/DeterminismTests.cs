using System.Text.Json;
using Catalog.Data.Model;
using static Catalog.Classifier.Tests.ToolFactory;

namespace Catalog.Classifier.Tests;

public sealed class DeterminismTests
{
    [Fact]
    public void The_same_tool_always_gets_the_same_classification()
    {
        var input = Tool("update_record", "Updates a record; set overwrite to replace it.", Flag("id", "overwrite"));
        var a = JsonSerializer.Serialize(new ToolClassifier().Classify(input), CatalogJson.Default.Classification);
        var b = JsonSerializer.Serialize(new ToolClassifier().Classify(input), CatalogJson.Default.Classification);
        Assert.Equal(a, b);
    }

    [Fact]
    public void The_classifier_version_is_recorded() =>
        Assert.Equal(ToolClassifier.RulesVersion, Classify("list_notes").ClassifierVersion);

    [Fact]
    public void Every_contributing_signal_is_in_the_evidence_with_its_source()
    {
        var c = Classify("delete_widget", "Permanently deletes a widget.", Flag("id", "force"));
        Assert.Contains(c.Evidence, e => e is { Source: "name", Points: "Destructive" } && e.Text.Contains("delete"));
        Assert.Contains(c.Evidence, e => e is { Source: "description", Points: "Destructive" } && e.Text.StartsWith("Permanently delet"));
        Assert.Contains(c.Evidence, e => e is { Source: "schema", Text: "force" });
        Assert.All(c.Evidence, e => Assert.InRange(e.Weight, 0, 1));
    }

    [Fact]
    public void An_empty_description_lowers_confidence()
    {
        var bare = Classify("delete_widget");
        var described = Classify("delete_widget", "Deletes a widget by id.");
        Assert.True(bare.Confidence < described.Confidence);
    }
}
