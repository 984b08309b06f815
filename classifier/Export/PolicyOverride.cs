using Catalog.Data.Model;

namespace Catalog.Classifier.Export;

/// <summary>A user's replacement for the profile's decision on a tool or a tag (e.g. allow create_issue at 60/min).</summary>
public sealed record PolicyOverride(PolicyAction Action, RateLimit? Limit, string? Message)
{
    /// <summary>"allow at 60/minute" is a rate limit; a plain allow with no rate stays an allow.</summary>
    public PolicyAction EffectiveAction => Action == PolicyAction.Allow && Limit is not null ? PolicyAction.RateLimit : Action;
}

/// <summary>The overrides file: per tool (<c>tool</c> or <c>server/tool</c>), per tag, and constraint settings.</summary>
public sealed record PolicyOverrides(
    string Source,
    IReadOnlyDictionary<string, PolicyOverride> Tools,
    IReadOnlyDictionary<string, PolicyOverride> Tags,
    ConstraintSettings Constraints)
{
    public static PolicyOverrides None { get; } = new("", new Dictionary<string, PolicyOverride>(), new Dictionary<string, PolicyOverride>(), ConstraintSettings.Default);

    /// <summary>The override for a tool: its own entry first (server-qualified before bare), else its first tag's, in tag order.</summary>
    public (PolicyOverride Override, string Key)? For(string server, string tool, IReadOnlyList<string> tags)
    {
        if (Tools.TryGetValue(server + "/" + tool, out var o)) return (o, server + "/" + tool);
        if (Tools.TryGetValue(tool, out o)) return (o, tool);
        foreach (var tag in tags.Order(StringComparer.Ordinal))
        {
            if (Tags.TryGetValue(tag, out o)) return (o, "tag " + tag);
        }
        return null;
    }
}
