using Catalog.Data.Model;
using static Catalog.Classifier.Tests.ToolFactory;

namespace Catalog.Classifier.Tests.Rules;

public sealed class OperationEnumRuleTests
{
    [Fact]
    public void A_multiplexed_tool_takes_its_worst_operation_and_records_each()
    {
        var c = Classify("notes", "Work with notes.", Enum("action", "list", "get", "create", "delete"));
        Assert.Equal(Category.Destructive, c.Category);
        Assert.Equal(4, c.Operations.Count);
        Assert.Contains(c.Operations, o => o is { Value: "list", Category: Category.Read });
        Assert.Contains(c.Operations, o => o is { Value: "create", Category: Category.Write });
        Assert.Contains(c.Operations, o => o is { Value: "delete", Category: Category.Destructive, Parameter: "action" });
    }

    [Theory]
    [InlineData("operation", "list", "create", Category.Write)]
    [InlineData("op", "get", "search", Category.Read)]
    [InlineData("method", "GET", "DELETE", Category.Destructive)]
    public void Operation_values_that_are_verbs_are_classified(string parameter, string first, string second, Category expected) =>
        Assert.Equal(expected, Classify("records", "Work with stored records.", Enum(parameter, first, second)).Category);

    [Fact]
    public void Status_values_are_not_operations()
    {
        var c = Classify("workflow_status", "Shows the status of a workflow.", Enum("mode", "completed", "paused", "ready", "failed"));
        Assert.Empty(c.Operations);
        Assert.Equal(Category.Read, c.Category);
    }
}
