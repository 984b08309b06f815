namespace Catalog.Classifier.Signals;

/// <summary>One input parameter as the rules see it.</summary>
/// <param name="Name">As declared.</param>
/// <param name="Tokens">The name split into lower-case words.</param>
/// <param name="Type">The JSON Schema type, when it is a single string.</param>
/// <param name="Enum">String enum values, in declared order.</param>
/// <param name="Description">Lower-cased description, "" when absent.</param>
/// <param name="Depth">0 for top-level parameters.</param>
/// <param name="Required">Listed in the enclosing object's <c>required</c>.</param>
internal sealed record SchemaProperty(
    string Name,
    List<string> Tokens,
    string? Type,
    IReadOnlyList<string> Enum,
    string Description,
    int Depth,
    bool Required = false);
