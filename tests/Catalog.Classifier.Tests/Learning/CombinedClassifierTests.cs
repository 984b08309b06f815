using Catalog.Classifier.Benchmark;
using Catalog.Data.Model;
using static Catalog.Classifier.Tests.ToolFactory;

namespace Catalog.Classifier.Tests.Learning;

/// <summary>The committed model in use: explicit statements win, version and confidence are the combined ones.</summary>
public sealed class CombinedClassifierTests
{
    [Fact]
    public void The_committed_model_is_loaded_and_stamps_the_combined_version()
    {
        var classifier = new ToolClassifier();
        Assert.Equal(ToolClassifier.Version, classifier.VersionId);
        Assert.Equal(ToolClassifier.Version, classifier.Classify(Tool("list_items", "Lists items.")).ClassifierVersion);
    }

    [Fact]
    public void Rules_mode_stamps_the_rules_version() =>
        Assert.Equal(ToolClassifier.RulesVersion, new ToolClassifier(new ClassifierOptions(Mode: ClassifierMode.Rules)).Classify(Tool("list_items", "Lists items.")).ClassifierVersion);

    [Theory]
    [InlineData("tidy_workspace", "Tidies the workspace. Permanently deletes every archived entry; this cannot be undone.")]
    [InlineData("helper", "Runs arbitrary shell commands on the host.")]
    public void An_explicit_statement_of_irreversible_effect_decides(string name, string description) =>
        Assert.Equal(Category.Destructive, new ToolClassifier().Classify(Tool(name, description)).Category);

    [Fact]
    public void Classification_is_deterministic_across_instances()
    {
        var tools = SyntheticTools.Generate(300);
        var a = new ToolClassifier();
        var b = new ToolClassifier();
        foreach (var t in tools)
        {
            var x = a.Classify(t);
            var y = b.Classify(t);
            Assert.Equal(x.Category, y.Category);
            Assert.Equal(x.Confidence, y.Confidence);
            Assert.Equal(x.Rationale, y.Rationale);
        }
    }

    [Fact]
    public void Synthetic_tools_are_the_same_every_time()
    {
        var a = SyntheticTools.Generate(50);
        var b = SyntheticTools.Generate(50);
        Assert.Equal(a.Select(t => t.Tool.Hash), b.Select(t => t.Tool.Hash));
    }
}
