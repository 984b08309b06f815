namespace Catalog.Classifier;

/// <summary>Switches for one classifier instance.</summary>
/// <param name="IgnoreAnnotations">
/// When true the server's own annotations are not read at all: no evidence from them and no contradiction findings.
/// Used to measure what the definition alone supports.
/// </param>
public sealed record ClassifierOptions(bool IgnoreAnnotations = false);
