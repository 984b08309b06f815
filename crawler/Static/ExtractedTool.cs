using Catalog.Data.Model;

namespace Catalog.Crawler.Static;

/// <summary>A tool found without running its server: where it was found and how sure the extractor is (0..1).</summary>
public sealed record ExtractedTool(ToolDefinition Definition, Provenance Provenance, double Confidence, string Location);
