using System.Text.RegularExpressions;

namespace Catalog.Classifier.Findings;

/// <summary>How the finding checks match hostile text.</summary>
internal static class FindingPatterns
{
    /// <summary>
    /// The non-backtracking engine runs in time linear in the text whatever the text is, so a check needs no timeout:
    /// a timeout would make a finding depend on how busy the machine was, and the same tool must always get the same
    /// findings.
    /// </summary>
    public const RegexOptions Linear = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;
}
