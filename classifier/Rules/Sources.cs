namespace Catalog.Classifier.Rules;

/// <summary>Where evidence was read.</summary>
internal static class Sources
{
    public const string Name = "name";
    public const string Title = "title";
    public const string Description = "description";
    public const string Schema = "schema";
    public const string Annotations = "annotations";
}
