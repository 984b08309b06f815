using System.Text.Json;
using Catalog.Data.Model;

namespace Catalog.Classifier.Tests;

/// <summary>Builds tool definitions for tests from a name, a description and a compact schema.</summary>
internal static class ToolFactory
{
    /// <param name="schema">A JSON Schema object as text, or null for none.</param>
    public static ToolInput Tool(string name, string? description = null, string? schema = null, ToolAnnotations? annotations = null,
        string? title = null) =>
        new("test-server", new ToolDefinition(name, title, description, schema is null ? null : Parse(schema), annotations));

    /// <summary>A schema with one string property per name, e.g. <c>Props("path", "content")</c>.</summary>
    public static string Props(params string[] names) =>
        "{\"type\":\"object\",\"properties\":{" + string.Join(',', names.Select(n => $"\"{n}\":{{\"type\":\"string\"}}")) + "}}";

    public static string Flag(string stringProp, string boolProp) =>
        $"{{\"type\":\"object\",\"properties\":{{\"{stringProp}\":{{\"type\":\"string\"}},\"{boolProp}\":{{\"type\":\"boolean\"}}}}}}";

    public static string Enum(string prop, params string[] values) =>
        $"{{\"type\":\"object\",\"properties\":{{\"{prop}\":{{\"type\":\"string\",\"enum\":[{string.Join(',', values.Select(v => $"\"{v}\""))}]}}}}}}";

    /// <summary>The rules alone: rule tests pin what each rule does; the combined classifier has its own tests and the cases.</summary>
    public static Classification Classify(ToolInput input, bool ignoreAnnotations = false) =>
        new ToolClassifier(new ClassifierOptions(ignoreAnnotations, ClassifierMode.Rules)).Classify(input);

    public static Classification Classify(string name, string? description = null, string? schema = null) =>
        Classify(Tool(name, description, schema));

    private static JsonElement Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.Clone();
    }
}
