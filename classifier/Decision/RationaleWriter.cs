using System.Text;
using Catalog.Classifier.Rules;
using Catalog.Data.Model;

namespace Catalog.Classifier.Decision;

/// <summary>
/// Writes the 2–4 sentence rationale from the evidence that decided: what carried the category (quoted), the tags
/// and why, why not the next category, and the risk class read from the table. It names one risk class only.
/// </summary>
internal static class RationaleWriter
{
    public static string Write(string toolName, Verdict verdict, IReadOnlyList<string> tags, RiskClass risk,
        IReadOnlyList<Observation> observations, IReadOnlyList<string>? modelCues = null)
    {
        var sb = StringBuilderCache.Acquire(512);
        var name = QuoteText.Of(toolName);
        WhatDecided(sb, name, verdict, modelCues ?? []);
        sb.Append(' ');
        WhyNotNeighbour(sb, verdict);
        sb.Append(' ');
        Tags(sb, tags, observations);
        sb.Append(' ');
        Risk(sb, verdict.Category, tags, risk);
        return StringBuilderCache.GetStringAndRelease(sb);
    }

    private static void WhatDecided(StringBuilder sb, string name, Verdict v, IReadOnlyList<string> cues)
    {
        sb.Append('"').Append(name).Append($"\" is {v.Category}");
        var top = FirstWithWhy(v.Deciding, otherThan: null);
        if (top is null && cues.Count > 0)
        {
            sb.Append(" because the learned model, weighing the words ");
            for (var i = 0; i < cues.Count; i++)
            {
                if (i > 0) sb.Append(" and ");
                sb.Append('"').Append(QuoteText.Of(cues[i])).Append('"');
            }
            sb.Append(" against labelled tools, reads it so; no single rule decided it.");
            return;
        }
        if (top is null && v.Category != Category.Read)
        {
            sb.Append(" because its definition as a whole reads like tools that change state, though no single phrase says so.");
            return;
        }
        if (top is null)
        {
            sb.Append(" because nothing in its name, description or arguments creates, changes or deletes anything.");
            return;
        }
        sb.Append(" because of ");
        Cite(sb, top).Append(": it ").Append(top.Why);
        if (FirstWithWhy(v.Deciding, otherThan: top.Evidence.Source) is { } second) Cite(sb.Append(", and "), second).Append(" agrees");
        sb.Append('.');
    }

    // The first deciding evidence with a clause to quote, optionally from another source than a given one.
    private static Observation? FirstWithWhy(IReadOnlyList<Observation> deciding, string? otherThan)
    {
        for (var i = 0; i < deciding.Count; i++)
        {
            var o = deciding[i];
            if (o.Why.Length > 0 && o.Evidence.Source != otherThan) return o;
        }
        return null;
    }

    private static void WhyNotNeighbour(StringBuilder sb, Verdict v)
    {
        var against = v.Overruled.Count > 0 ? v.Overruled[0] : null;
        switch (v.Category)
        {
            case Category.Read when against is not null:
                Cite(sb.Append("It is not Write: "), against).Append(" is too weak or is outweighed by what the tool states.");
                break;
            case Category.Read:
                sb.Append("Nothing in the definition leaves a change behind after the call, so it is not Write.");
                break;
            case Category.Write when against is { } a && a.IsCategory(Category.Destructive):
                Cite(sb.Append("It is not Destructive: "), a).Append(" alone does not show that existing data is lost, and the normal reverse operation undoes the change.");
                break;
            case Category.Write:
                sb.Append("It changes state, so it is not Read, and nothing points to deleting or overwriting what exists, so it is not Destructive.");
                break;
            case Category.Destructive when v.ReadOnlyClaim is { } claim:
                Cite(sb.Append("The read-only claim "), claim).Append(" does not outweigh that, and the effect cannot be undone by a normal reverse operation, so it is above Write.");
                break;
            default:
                sb.Append("What it removes, overwrites or sets in motion cannot be undone by a normal reverse operation, so it is above Write.");
                break;
        }
    }

    private static void Tags(StringBuilder sb, IReadOnlyList<string> tags, IReadOnlyList<Observation> observations)
    {
        if (tags.Count == 0)
        {
            sb.Append("No capability tag applies.");
            return;
        }
        sb.Append(tags.Count == 1 ? "It carries the " : "It carries the tags ");
        for (var i = 0; i < tags.Count; i++)
        {
            if (i > 0) sb.Append(i == tags.Count - 1 ? " and " : ", ");
            sb.Append(tags[i]);
            if (TagDecider.StrongestFor(observations, tags[i]) is { } e) Cite(sb.Append(" ("), e).Append(')');
        }
        if (tags.Count == 1) sb.Append(" tag");
        sb.Append('.');
    }

    private static void Risk(StringBuilder sb, Category category, IReadOnlyList<string> tags, RiskClass risk)
    {
        sb.Append($"Risk class {risk} follows from the table for a {category} tool");
        var column = RiskTable.Column(category, tags);
        switch (column)
        {
            case RiskColumn.Severe:
                sb.Append(" that involves ").Append(FirstIn(tags, RiskTable.Severe)).Append('.');
                break;
            case RiskColumn.HighImpact:
                sb.Append(" touching ").Append(FirstIn(tags, CapabilityTags.HighImpact)).Append('.');
                break;
            default:
                sb.Append(" with no sensitive capability.");
                break;
        }
    }

    private static string FirstIn(IReadOnlyList<string> tags, IReadOnlySet<string> set)
    {
        for (var i = 0; i < tags.Count; i++) if (set.Contains(tags[i])) return tags[i];
        throw new InvalidOperationException("the risk column names a tag the tool does not carry");
    }

    // Appends the quoted evidence and where it was read: "delete_issue" in the name.
    private static StringBuilder Cite(StringBuilder sb, Observation o)
    {
        var where = o.Evidence.Source switch
        {
            Sources.Name => "in the name",
            Sources.Title => "in the title",
            Sources.Description => "in the description",
            Sources.Schema => "in the arguments",
            Sources.Annotations => "in the annotations",
            _ => "",
        };
        return sb.Append('"').Append(QuoteText.Of(o.Evidence.Text)).Append("\" ").Append(where);
    }
}
