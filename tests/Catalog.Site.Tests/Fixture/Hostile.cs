namespace Catalog.Site.Tests.Fixture;

/// <summary>Strings a hostile server puts in its definitions; none may reach a page unencoded.</summary>
public static class Hostile
{
    public const string Script = "<script>alert(1)</script>";
    public const string AttributeBreak = "\" onerror=\"x";
    public const string JavascriptUrl = "javascript:alert(1)";
    public const string MarkdownLink = "[click me](javascript:alert(1)) and ![img](javascript:alert(2)) and <javascript:alert(3)>";
    public const string RawImg = "<img src=x onerror=alert(1)>";

    /// <summary>A right-to-left override, a zero-width space, a control character and Unicode tag characters (hidden ASCII).</summary>
    public const string UnicodeTricks = "invoice\u202Efdp.exe\u200B\u0001 \U000E0069\U000E0067\U000E006E\U000E006F\U000E0072\U000E0065";
}
