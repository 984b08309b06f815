using System.Text.Json;
using Catalog.Site.Views;

namespace Catalog.Site.Tests;

public sealed class ParametersTests
{
    private static ParameterTable Read(string json) =>
        Parameters.Read(JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 512 }).RootElement.Clone());

    [Fact]
    public void A_missing_schema_is_a_note_not_an_error()
    {
        var table = Parameters.Read(null);
        Assert.Empty(table.Rows);
        Assert.NotNull(table.Note);
    }

    [Theory]
    [InlineData("\"a string\"")]
    [InlineData("[1,2]")]
    [InlineData("{\"properties\": [1]}")]
    [InlineData("{\"properties\": {\"a\": 5}, \"required\": \"a\"}")]
    public void A_malformed_schema_does_not_throw(string json) => Assert.NotNull(Read(json));

    [Fact]
    public void A_huge_schema_is_capped_in_rows()
    {
        var props = string.Join(',', Enumerable.Range(0, 1000).Select(i => $"\"p{i}\":{{\"type\":\"string\"}}"));
        var table = Read($"{{\"type\":\"object\",\"properties\":{{{props}}}}}");
        Assert.Equal(Parameters.MaxRows, table.Rows.Count);
        Assert.NotNull(table.Note);
    }

    [Fact]
    public void A_deep_schema_is_capped_in_depth()
    {
        var json = "{\"type\":\"string\"}";
        for (var i = 0; i < 100; i++) json = $"{{\"type\":\"object\",\"properties\":{{\"n{i}\":{json}}}}}";
        var table = Read(json);
        Assert.Equal(Parameters.MaxDepth, table.Rows.Count);
        Assert.NotNull(table.Note);
    }

    [Fact]
    public void Nested_and_array_properties_get_dotted_names_and_types()
    {
        var table = Read("""
            {"type":"object","required":["filter"],"properties":{
              "filter":{"type":"object","properties":{"state":{"type":["string","null"],"enum":["open","closed"],"default":"open"}}},
              "items":{"type":"array","items":{"type":"object","properties":{"id":{"type":"integer"}}}},
              "mode":{"anyOf":[{"type":"string"},{"type":"number"}]}}}
            """);
        Assert.Equal(["filter", "filter.state", "items", "items[].id", "mode"], table.Rows.Select(r => r.Name));
        Assert.True(table.Rows[0].Required);
        Assert.Equal("string | null", table.Rows[1].Type);
        Assert.Equal(["open", "closed"], table.Rows[1].Enum);
        Assert.Equal("open", table.Rows[1].Default);
        Assert.Equal("array of object", table.Rows[2].Type);
        Assert.Equal("string | number", table.Rows[4].Type);
        Assert.Equal(3, table.TopLevel);
        Assert.Equal(1, table.TopLevelRequired);
    }

    [Fact]
    public void Long_enums_are_cut_with_a_count_of_the_rest()
    {
        var values = string.Join(',', Enumerable.Range(0, 40).Select(i => $"\"v{i}\""));
        var row = Read($"{{\"properties\":{{\"a\":{{\"enum\":[{values}]}}}}}}").Rows.Single();
        Assert.Equal(Parameters.MaxEnum, row.Enum.Count);
        Assert.Equal(15, row.EnumMore);
    }
}
