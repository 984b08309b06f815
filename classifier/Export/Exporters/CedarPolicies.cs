using Catalog.Data.Model;

namespace Catalog.Classifier.Export.Exporters;

/// <summary>
/// Cedar for ToolHive's entity model (policy-formats.md §2): principal <c>Client</c>, action <c>call_tool</c>,
/// resource <c>Tool::"name"</c>, arguments as optional <c>context.arg_&lt;key&gt;</c> (always read behind <c>has</c>).
/// One policy per tool in the <c>resource ==</c> form ToolHive's docs use.
/// </summary>
internal static class CedarPolicies
{
    public static IEnumerable<string> For(LoweredRule r)
    {
        var head = $"principal, action == Action::\"call_tool\", resource == Tool::{Quote.Cedar(r.Policy.Tool)}";
        if (!r.Callable)
        {
            // Hidden tools are simply never permitted, which also drops them from tools/list.
            if (r.Action != PolicyAction.Hide) yield return $"forbid({head});";
            yield break;
        }
        yield return $"permit({head});";
        foreach (var c in r.Constraints) yield return $"forbid({head}) unless {{ {Holds(c)} }};";
    }

    private static string Holds(ArgumentConstraint c)
    {
        var key = "arg_" + c.Parameter;
        var plain = key.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_');
        var arg = plain ? "context." + key : $"context[{Quote.Cedar(key)}]";
        var has = plain ? $"context has {key}" : $"context has {Quote.Cedar(key)}";
        return c switch
        {
            DeniedValues d => $"{has} && [{string.Join(", ", d.Allowed.Select(Quote.Cedar))}].contains({arg})",
            PathRoot p => $"{has} && {arg} like \"{Quote.CedarLiteralPattern(p.Root)}*\" && !({arg} like \"*..*\")",
            DomainAllowList d => $"{has} && ({string.Join(" || ", d.Domains.Select(x => $"{arg} == \"https://{Quote.CedarLiteralPattern(x)}\" || {arg} like \"https://{Quote.CedarLiteralPattern(x)}/*\""))})",
            // No regex in Cedar: the statement must start with the keyword in lower or upper case, with no ';'.
            ReadOnlySql => $"{has} && ({string.Join(" || ", new[] { "select", "with", "explain", "show", "SELECT", "WITH", "EXPLAIN", "SHOW" }.Select(k => $"{arg} like \"{k} *\""))}) && !({arg} like \"*;*\")",
            RecipientAllowList rl => $"{has} && ({string.Join(" || ", rl.Allowed.Select(a => a.StartsWith('@') ? $"{arg} like \"*{Quote.CedarLiteralPattern(a)}\"" : $"{arg} == {Quote.Cedar(a)}"))})",
            _ => throw new InvalidOperationException($"Cedar cannot express {c.GetType().Name}"),
        };
    }

    public static bool Supports(ArgumentConstraint c) => c is not SpendCap;
}
