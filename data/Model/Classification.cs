namespace Catalog.Data.Model;

/// <summary>One observation that moved the decision: which signal, where it was read, what it points to.</summary>
/// <param name="Signal">Stable rule id, e.g. <c>name-verb</c>, <c>description-phrase</c>, <c>schema-param</c>.</param>
/// <param name="Source">Where the text was read: <c>name</c>, <c>title</c>, <c>description</c>, <c>schema</c>, <c>annotations</c>, <c>server</c>.</param>
/// <param name="Text">The exact span quoted from the definition.</param>
/// <param name="Points">What it argues for: a category name (Read/Write/Destructive) or a tag.</param>
/// <param name="Weight">Strength, 0..1.</param>
public sealed record Evidence(string Signal, string Source, string Text, string Points, double Weight);

/// <summary>Something wrong or dangerous in a definition itself, beside its class.</summary>
/// <param name="Type">e.g. <c>annotation-contradiction</c>, <c>prompt-injection</c>, <c>hidden-text</c>.</param>
public sealed record Finding(string Type, FindingSeverity Severity, string Evidence, string Explanation);

/// <summary>A per-value result for a multiplexed tool (an <c>action</c>/<c>operation</c> enum).</summary>
public sealed record OperationClass(string Parameter, string Value, Category Category);

/// <summary>The abstract recommendation for one tool, before any gateway format.</summary>
public sealed record PolicyRecommendation(
    PolicyAction Action,
    int? RateLimitMax,
    string? RateLimitWindow,
    string? Message,
    string Reason);

/// <summary>The classifier's verdict for one tool version.</summary>
public sealed record Classification(
    Category Category,
    IReadOnlyList<string> Tags,
    RiskClass Risk,
    double Confidence,
    string Rationale,
    IReadOnlyList<Evidence> Evidence,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<OperationClass> Operations,
    PolicyRecommendation Policy,
    string ClassifierVersion);
