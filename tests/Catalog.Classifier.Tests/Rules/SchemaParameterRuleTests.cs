using Catalog.Data.Model;
using static Catalog.Classifier.Tests.ToolFactory;

namespace Catalog.Classifier.Tests.Rules;

public sealed class SchemaParameterRuleTests
{
    [Theory]
    [InlineData("run", "command")]
    [InlineData("exec_in_container", "cmd")]
    [InlineData("evaluate", "script")]
    [InlineData("console", "sql")]
    public void A_code_argument_on_a_runner_is_destructive_code_execution(string name, string parameter)
    {
        var c = Classify(name, null, Props(parameter));
        Assert.Equal(Category.Destructive, c.Category);
        Assert.Contains(CapabilityTags.CodeExecution, c.Tags);
    }

    [Theory]
    [InlineData("lookup_country", "code")]
    [InlineData("verify_login", "code")]
    public void A_code_argument_that_is_not_run_is_not_code_execution(string name, string parameter) =>
        Assert.DoesNotContain(CapabilityTags.CodeExecution, Classify(name, null, Props(parameter)).Tags);

    [Theory]
    [InlineData("delete_folder", "recursive")]
    [InlineData("copy_snapshot", "overwrite")]
    [InlineData("drop_partition", "force")]
    public void Delete_verb_or_write_with_force_style_flag_is_destructive(string name, string flag) =>
        Assert.Equal(Category.Destructive, Classify(name, null, Flag("target", flag)).Category);

    [Theory]
    [InlineData("list_folder", "recursive")]
    [InlineData("search_files", "recursive")]
    public void A_force_style_flag_on_a_read_does_not_make_it_destructive(string name, string flag) =>
        Assert.Equal(Category.Read, Classify(name, null, Flag("path", flag)).Category);

    [Fact]
    public void An_amount_with_a_recipient_moves_money()
    {
        var c = Classify("tip_creator", null, Props("amount", "recipient", "currency"));
        Assert.Equal(Category.Destructive, c.Category);
        Assert.Contains(CapabilityTags.Financial, c.Tags);
    }

    [Fact]
    public void A_recipient_with_a_body_on_a_send_tool_reaches_people_outside()
    {
        var c = Classify("send_newsletter", null, Props("to", "subject", "body"));
        Assert.Equal(Category.Write, c.Category);
        Assert.Contains(CapabilityTags.ExternalCommunication, c.Tags);
    }

    [Fact]
    public void A_draft_with_recipients_sends_nothing()
    {
        var c = Classify("save_draft_message", null, Props("to", "subject", "body"));
        Assert.DoesNotContain(CapabilityTags.ExternalCommunication, c.Tags);
    }
}
