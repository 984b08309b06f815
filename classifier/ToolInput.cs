using Catalog.Data.Model;

namespace Catalog.Classifier;

/// <summary>One tool to classify, with the server context it came from.</summary>
public sealed record ToolInput(string ServerId, ToolDefinition Tool, string? ServerTitle = null, string? ServerDescription = null);
