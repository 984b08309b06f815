using Catalog.Data.Model;
using static Catalog.Classifier.Tests.ToolFactory;

namespace Catalog.Classifier.Tests.Rules;

/// <summary>LABELING.md: "remove", and updates that replace existing state, are Destructive; the agent's own browser session is Write.</summary>
public sealed class ReplacingUpdateTests
{
    [Theory]
    [InlineData("remove_job", "Remove a job from the queue.")]
    [InlineData("kubectl_apply", "Apply a Kubernetes YAML manifest from a string or file.")]
    [InlineData("put_settings", "Creates or replaces the deployment settings of the website.")]
    public void Removing_and_replacing_are_destructive(string name, string description) =>
        Assert.Equal(Category.Destructive, Classify(name, description).Category);

    [Theory]
    [InlineData("delete_cookie", "Deletes cookies from the current browser session.")]
    [InlineData("remove_label", "Remove a label from an issue.")]
    public void Session_items_and_detachments_are_write(string name, string description) =>
        Assert.Equal(Category.Write, Classify(name, description).Category);
}
