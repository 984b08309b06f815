using Catalog.Data.Model;
using static Catalog.Classifier.Tests.ToolFactory;

namespace Catalog.Classifier.Tests.Rules;

public sealed class DescriptionRuleTests
{
    [Theory]
    [InlineData("tidy_workspace", "Permanently deletes every scratch note older than a week.")]
    [InlineData("apply_preset", "Applies the preset to the document. This cannot be undone.")]
    [InlineData("sync_mirror", "Makes the mirror match the source; the operation is irreversible.")]
    [InlineData("save_note", "Saves the note, overwriting any note with the same title.")]
    public void Phrases_that_state_irreversibility_make_a_tool_destructive(string name, string description) =>
        Assert.Equal(Category.Destructive, Classify(name, description).Category);

    [Theory]
    // LABELING.md: removing a label is undone by adding it back (Write); "remove an entry from a cycle" is now read as
    // the "remove" it says (Destructive), so the disagreeing case detaches a label.
    [InlineData("delete_cycle_entry", "Remove a label from an entry of a planning cycle.")]
    [InlineData("purge_widgets", "Archives widgets so they can be restored later.")]
    public void The_description_wins_when_it_disagrees_with_the_name(string name, string description) =>
        Assert.Equal(Category.Write, Classify(name, description).Category);

    [Theory]
    [InlineData("db_tool", "Run one read-only SQL query against the warehouse.")]
    [InlineData("sql_console", "Executes SQL statements. Only SELECT queries are allowed; the connection is read-only.")]
    public void A_stated_read_only_restriction_makes_a_sql_tool_read(string name, string description) =>
        Assert.Equal(Category.Read, Classify(name, description).Category);

    [Theory]
    [InlineData("terminal", "Executes a shell command on the host and returns its output.")]
    [InlineData("sandbox", "Run arbitrary code in a Python sandbox.")]
    [InlineData("page_script", "Evaluate JavaScript in the context of the open page.")]
    [InlineData("warehouse_sql", "Execute SQL against the warehouse, including DDL.")]
    public void Running_code_commands_or_sql_is_destructive_code_execution(string name, string description)
    {
        var c = Classify(name, description);
        Assert.Equal(Category.Destructive, c.Category);
        Assert.Contains(CapabilityTags.CodeExecution, c.Tags);
    }

    [Theory]
    [InlineData("helper", "Create, update or delete a bookmark.")]
    [InlineData("records", "Lists, edits and removes records.")]
    public void Every_verb_of_an_opening_list_counts_so_the_worst_is_seen(string name, string description) =>
        Assert.Equal(Category.Destructive, Classify(name, description).Category);

    [Theory]
    [InlineData("notes_search", "Search notes. Does not delete or modify anything.")]
    [InlineData("notes_list", "List notes without removing them.")]
    public void A_negated_mention_of_deleting_does_not_count(string name, string description) =>
        Assert.Equal(Category.Read, Classify(name, description).Category);
}
