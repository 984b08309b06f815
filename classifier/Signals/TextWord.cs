namespace Catalog.Classifier.Signals;

/// <summary>A word of a description: its lower-case text and where it sits in the original, for exact quoting.</summary>
internal readonly record struct TextWord(string Text, int Start, int Length);
