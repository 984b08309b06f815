using System.Text.Json;
using System.Text.RegularExpressions;
using Catalog.Crawler.Launch;

namespace Catalog.Crawler.Sources;

/// <summary>
/// Picks the remote to introspect from a server.json <c>remotes[]</c> (Streamable HTTP before SSE) and fills its
/// <c>{var}</c> templates: a URL variable takes its value, default or first choice, else the remote cannot be reached
/// and says which value it needs; a header with no value, or a secret one, gets a visible placeholder — the crawler
/// never holds a publisher's or user's credential for a registry entry.
/// </summary>
public static partial class RemoteInputs
{
    [GeneratedRegex(@"\{([A-Za-z0-9_.-]{1,64})\}")]
    private static partial Regex Variable();

    /// <returns>A launch for the best usable remote, a <see cref="NoLaunch"/> saying why none is usable, or null when there are none.</returns>
    public static LaunchSpec? Launch(JsonElement server)
    {
        var remotes = Json.Array(server, "remotes").Where(r => r.ValueKind == JsonValueKind.Object).ToList();
        if (remotes.Count == 0) return null;
        string? why = null;
        foreach (var remote in remotes.OrderBy(r => Transport(r) switch { RemoteTransport.StreamableHttp => 0, RemoteTransport.Sse => 1, _ => 2 }))
        {
            if (Transport(remote) is not { } transport)
            {
                why ??= $"remote type '{Clip(Json.Str(remote, "type", "transport_type") ?? "(none)")}' is neither streamable-http nor sse";
                continue;
            }
            var (url, error) = Url(Json.Str(remote, "url") ?? "", Json.Obj(remote, "variables") ?? default);
            if (url is null)
            {
                why ??= error;
                continue;
            }
            return new RemoteLaunch(url, transport, Headers(remote));
        }
        return new NoLaunch(why!);
    }

    /// <summary>An absolute http(s) URL, or why the text is not one. Shared with client configs.</summary>
    public static (Uri? Url, string? Error) Url(string text, JsonElement variables)
    {
        foreach (Match m in Variable().Matches(text))
        {
            var input = Json.Obj(variables, m.Groups[1].Value) ?? default;
            var value = Json.Str(input, "value") ?? Json.Str(input, "default") ?? Json.Array(input, "choices").Where(c => c.ValueKind == JsonValueKind.String).Select(c => c.GetString()).FirstOrDefault();
            if (value is null || value.Contains('{')) return (null, $"remote URL needs the user's value for '{m.Groups[1].Value}'");
            text = text.Replace(m.Value, value, StringComparison.Ordinal);
        }
        if (text.Length is 0 or > 2048 || !Uri.TryCreate(text, UriKind.Absolute, out var url))
            return (null, $"remote URL '{Clip(text)}' is not an absolute URL");
        if (url.Scheme is not ("http" or "https")) return (null, $"remote URL scheme '{Clip(url.Scheme)}' is not http or https");
        return (url, null);
    }

    /// <summary>True for a name an HTTP header may have (an RFC 9110 token, kept to letters, digits, '-' and '_').</summary>
    public static bool IsHeaderName(string name) =>
        name.Length is > 0 and <= 128 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static RemoteTransport? Transport(JsonElement remote) => Json.Str(remote, "type", "transport_type") switch
    {
        "streamable-http" or "streamable_http" or "http" => RemoteTransport.StreamableHttp,
        "sse" => RemoteTransport.Sse,
        _ => null,
    };

    private static SortedDictionary<string, string> Headers(JsonElement remote)
    {
        var headers = new SortedDictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var h in Json.Array(remote, "headers"))
        {
            var name = Json.Str(h, "name");
            if (name is null || !IsHeaderName(name)) continue;
            var value = Json.Bool(h, "isSecret", "is_secret") ? null : Json.Str(h, "value") ?? Json.Str(h, "default");
            if (value is not null)
            {
                var variables = Json.Obj(h, "variables") ?? default;
                value = Variable().Replace(value, m =>
                    Json.Str(Json.Obj(variables, m.Groups[1].Value) ?? default, "default") ?? PackageInputs.Placeholder(m.Groups[1].Value));
            }
            else if (Json.Bool(h, "isRequired", "is_required") || Json.Bool(h, "isSecret", "is_secret"))
            {
                value = Secret(name, Json.Str(h, "value"));
            }
            // A header value with a line break would split the request; such a value is no real input.
            if (value is not null && !value.Any(char.IsControl)) headers[name] = value;
        }
        return headers;
    }

    /// <summary>A placeholder for a secret, keeping a fixed prefix such as <c>Bearer </c> so the request is well formed.</summary>
    private static string Secret(string name, string? template)
    {
        var at = template?.IndexOf('{') ?? -1;
        var prefix = at > 0 ? template![..at] : "";
        return prefix + PackageInputs.Placeholder(name);
    }

    private static string Clip(string s) => s.Length <= 80 ? s : s[..80];
}
