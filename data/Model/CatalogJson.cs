using System.Text.Json;
using System.Text.Json.Serialization;

namespace Catalog.Data.Model;

/// <summary>The one source-generated JSON context for the model: enums as strings, camelCase, no nulls.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    MaxDepth = 256)]
[JsonSerializable(typeof(Classification))]
[JsonSerializable(typeof(ToolDefinition))]
[JsonSerializable(typeof(ToolAnnotations))]
[JsonSerializable(typeof(Server))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(List<Evidence>))]
[JsonSerializable(typeof(List<Finding>))]
[JsonSerializable(typeof(List<OperationClass>))]
[JsonSerializable(typeof(JsonElement))]
public sealed partial class CatalogJson : JsonSerializerContext;
