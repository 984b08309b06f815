using System.Text.RegularExpressions;
using Catalog.Data.Model;
using static Catalog.Classifier.Tests.ToolFactory;

namespace Catalog.Classifier.Tests;

public sealed partial class RationaleTests
{
    [GeneratedRegex(@"\b(low|medium|high|critical)\b", RegexOptions.IgnoreCase)]
    internal static partial Regex RiskWord();

    [GeneratedRegex(@"[.!?](\s|$)")]
    internal static partial Regex SentenceEnd();

    [Theory]
    [InlineData("create_api_key", null)]
    [InlineData("list_widgets", "Lists widgets. High-level summary with low latency.")]
    [InlineData("delete_widget", "Critical: permanently deletes the widget.")]
    [InlineData("send_email", "Send an email to a recipient.")]
    [InlineData("run_shell", "Executes a shell command.")]
    public void The_rationale_names_its_own_risk_class_and_no_other(string name, string? description)
    {
        var c = Classify(name, description);
        var words = RiskWord().Matches(c.Rationale).Select(m => m.Value.ToLowerInvariant()).Distinct().ToList();
        Assert.Equal([c.Risk.ToString().ToLowerInvariant()], words);
    }

    [Fact]
    public void The_rationale_of_create_api_key_says_high_because_the_table_says_high()
    {
        var c = Classify("create_api_key");
        Assert.Equal(RiskClass.High, c.Risk);
        Assert.Contains("High", c.Rationale);
        Assert.DoesNotContain("Medium", c.Rationale);
    }

    [Fact]
    public void The_rationale_quotes_the_tools_own_text()
    {
        var a = Classify("archive_project", "Archives a project so it no longer appears in lists.");
        var b = Classify("create_folder", "Creates an empty folder in the drive.");
        Assert.Contains("archive_project", a.Rationale);
        Assert.Contains("create_folder", b.Rationale);
        Assert.NotEqual(a.Rationale.Replace("archive_project", "x"), b.Rationale.Replace("create_folder", "x"));
    }

    [Theory]
    [InlineData("get_status", "Gets the status. Returns e.g. ok. Or not! Really?")]
    [InlineData("delete_all_rows", "Deletes all rows. Use with care.")]
    [InlineData("x", "")]
    public void The_rationale_has_two_to_four_sentences(string name, string description)
    {
        var count = SentenceEnd().Matches(Classify(name, description).Rationale).Count;
        Assert.InRange(count, 2, 4);
    }
}
