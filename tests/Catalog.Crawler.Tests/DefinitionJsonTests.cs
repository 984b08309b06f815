using System.Text.Json;
using Catalog.Data.Model;

namespace Catalog.Crawler.Tests;

/// <summary>A stored definition is what the server said: computed members (its hash, "are the annotations empty") stay out.</summary>
public sealed class DefinitionJsonTests
{
    [Fact]
    public void A_serialized_definition_carries_only_what_the_server_declared()
    {
        using var schema = JsonDocument.Parse("""{"type":"object","properties":{"id":{"type":"string"}}}""");
        var tool = new ToolDefinition("get_item", "Get item", "Returns one item.", schema.RootElement.Clone(), new ToolAnnotations(ReadOnlyHint: true));

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(tool, CatalogJson.Default.ToolDefinition));

        Assert.Equal(["name", "title", "description", "inputSchema", "annotations"], json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.DoesNotContain(json.RootElement.GetProperty("annotations").EnumerateObject(), p => p.Name == "isEmpty");
        var back = JsonSerializer.Deserialize(json.RootElement.GetRawText(), CatalogJson.Default.ToolDefinition)!;
        Assert.Equal(tool.Hash, back.Hash);
    }
}
