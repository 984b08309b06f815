namespace Catalog.Classifier.Export;

/// <summary>One gateway or client format. Output is deterministic: the same plan gives the same bytes.</summary>
public interface IPolicyExporter
{
    /// <summary>The <c>--format</c> name.</summary>
    string Format { get; }

    /// <summary>What the format can say natively; the rest falls back to a stricter rule (<see cref="RuleLowering"/>).</summary>
    FormatCapabilities Capabilities { get; }

    ExportResult Export(PolicyPlan plan);
}

/// <summary>The exported file and every place it had to fall back or approximate, one line each.</summary>
public sealed record ExportResult(string Content, IReadOnlyList<string> Notes);

/// <summary>What a format expresses natively.</summary>
/// <param name="Constraint">Whether one argument constraint can be enforced in full.</param>
public sealed record FormatCapabilities(bool RateLimit, bool Approval, bool Hide, Func<ArgumentConstraint, bool> Constraint)
{
    public static bool None(ArgumentConstraint _) => false;
}
