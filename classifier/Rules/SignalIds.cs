namespace Catalog.Classifier.Rules;

/// <summary>Stable signal ids written into evidence; pages and tests refer to them.</summary>
internal static class SignalIds
{
    public const string NameVerb = "name-verb";
    public const string TitleVerb = "title-verb";
    public const string DescriptionVerb = "description-verb";
    public const string DescriptionPhrase = "description-phrase";
    public const string DescriptionMention = "description-mention";
    public const string ReadOnlyClaim = "read-only-claim";
    public const string SchemaParam = "schema-param";
    public const string OperationEnum = "operation-enum";
    public const string Annotation = "annotation";
    public const string Tag = "tag";
}
