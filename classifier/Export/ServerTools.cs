using Catalog.Data.Model;

namespace Catalog.Classifier.Export;

/// <summary>What the planner needs of one server in scope: its ids and its classified tools.</summary>
/// <param name="Package">How to start it (<c>npm-pkg@1.2.3</c>), for formats that name the server's image.</param>
public sealed record ServerTools(string ServerId, string Alias, string? Package, IReadOnlyList<(ToolDefinition Tool, Classification Classification)> Tools)
{
    /// <summary>A client-side name for a server: the last segment of its id, reduced to letters, digits, '-' and '_'.</summary>
    public static string AliasFor(string serverId)
    {
        var last = serverId.Split('/', ':').Last(s => s.Length > 0);
        return new string(last.Select(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' ? ch : '_').ToArray());
    }
}
