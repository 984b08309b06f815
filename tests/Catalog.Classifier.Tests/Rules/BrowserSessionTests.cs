using Catalog.Data.Model;
using static Catalog.Classifier.Tests.ToolFactory;

namespace Catalog.Classifier.Tests.Rules;

public sealed class BrowserSessionTests
{
    [Theory]
    [InlineData("browser_click", "Click an element on the page.")]
    [InlineData("browser_type", "Type text into the focused field.")]
    [InlineData("browser_navigate", "Navigate the tab to a URL.")]
    [InlineData("fill_form", "Fill several form fields at once.")]
    [InlineData("press_key", "Press a key on the keyboard.")]
    [InlineData("close_tab", "Close the current tab.")]
    public void Acting_in_the_agents_own_browser_is_write(string name, string description) =>
        Assert.Equal(Category.Write, Classify(name, description).Category);

    [Theory]
    [InlineData("browser_screenshot", "Take a screenshot of the page.")]
    [InlineData("browser_snapshot", "Capture an accessibility snapshot of the page.")]
    [InlineData("get_page_text", "Get the visible text of the page.")]
    public void Observing_the_browser_is_read(string name, string description) =>
        Assert.Equal(Category.Read, Classify(name, description).Category);
}
