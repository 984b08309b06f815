using Catalog.Data.Model;

namespace Catalog.Classifier.Lexicon;

/// <summary>A verb read in its context: the category it argues for, how strongly, and a tag it implies.</summary>
/// <param name="Why">A short clause for the rationale, e.g. "removes existing data".</param>
/// <param name="AlsoDestructive">A weak extra Destructive signal (manage-style verbs that bundle delete).</param>
internal readonly record struct VerbReading(Category Category, double Weight, string? Tag, string Why, double AlsoDestructive = 0);
