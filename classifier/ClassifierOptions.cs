namespace Catalog.Classifier;

/// <summary>Switches for one classifier instance.</summary>
/// <param name="IgnoreAnnotations">
/// When true the server's own annotations are not read at all: no evidence from them and no contradiction findings.
/// Used to measure what the definition alone supports.
/// </param>
/// <param name="Mode">Rules and the learned model together (the default), the rules alone, or the model alone.</param>
/// <param name="ModelPath">The weights file; null for the committed <c>data/seed/model.json</c> beside the program.</param>
public sealed record ClassifierOptions(bool IgnoreAnnotations = false, ClassifierMode Mode = ClassifierMode.Combined, string? ModelPath = null);

/// <summary>Which readers decide the category.</summary>
public enum ClassifierMode
{
    Combined,
    Rules,
    Model,
}
