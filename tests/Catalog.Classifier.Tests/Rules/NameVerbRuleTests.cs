using Catalog.Data.Model;
using static Catalog.Classifier.Tests.ToolFactory;

namespace Catalog.Classifier.Tests.Rules;

public sealed class NameVerbRuleTests
{
    [Theory]
    [InlineData("list_widgets", Category.Read)]
    [InlineData("getInvoiceStatus", Category.Read)]
    [InlineData("search-knowledge-base", Category.Read)]
    [InlineData("create_widget", Category.Write)]
    [InlineData("updateWidgetColour", Category.Write)]
    [InlineData("delete_widget", Category.Destructive)]
    [InlineData("purge-archive", Category.Destructive)]
    [InlineData("widgets.remove", Category.Destructive)]
    [InlineData("api/drop-bucket", Category.Destructive)]
    public void Leading_verb_of_the_name_decides_when_the_description_is_silent(string name, Category expected) =>
        Assert.Equal(expected, Classify(name).Category);

    [Theory]
    [InlineData("vault_create_secret_rotation")]
    [InlineData("identity_create_access_role")]
    [InlineData("widget_get_or_create")]
    public void A_verb_after_a_prefix_or_another_verb_still_counts(string name) =>
        Assert.NotEqual(Category.Read, Classify(name).Category);

    [Theory]
    [InlineData("get_pull_request_reviews")]
    [InlineData("list_branch_commits")]
    [InlineData("get_documentation_updates")]
    [InlineData("get_blog_post")]
    public void Nouns_that_look_like_verbs_after_the_first_verb_do_not_make_a_read_a_write(string name) =>
        Assert.Equal(Category.Read, Classify(name).Category);

    [Theory]
    [InlineData("remove_tag_from_ticket")]
    [InlineData("remove_label_from_card")]
    public void Removing_an_attachment_from_something_is_a_write(string name) =>
        Assert.Equal(Category.Write, Classify(name).Category);

    [Theory]
    [InlineData("merge_pull_request")]
    [InlineData("kill_process")]
    [InlineData("revoke_session")]
    [InlineData("reset_branch")]
    [InlineData("uninstall_plugin")]
    public void Verbs_that_labeling_lists_as_destructive_are_destructive(string name) =>
        Assert.Equal(Category.Destructive, Classify(name).Category);

    [Theory]
    [InlineData("start_server")]
    [InlineData("stop_server")]
    [InlineData("schedule_report")]
    [InlineData("enable_feature")]
    [InlineData("disable_feature")]
    [InlineData("deploy_release")]
    [InlineData("rename_folder")]
    [InlineData("move_card")]
    public void Reversible_operations_are_write(string name) =>
        Assert.Equal(Category.Write, Classify(name).Category);

    [Theory]
    [InlineData("should_delegate")]
    [InlineData("think")]
    [InlineData("convert_units")]
    [InlineData("validate_manifest")]
    [InlineData("compute_checksum")]
    public void Questions_and_computations_are_read(string name) =>
        Assert.Equal(Category.Read, Classify(name).Category);
}
