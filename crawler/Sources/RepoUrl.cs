namespace Catalog.Crawler.Sources;

/// <summary>Repository URLs in one shape, so the same repository found by two sources is one key.</summary>
public static class RepoUrl
{
    /// <summary>
    /// <c>git+https://github.com/O/R.git#readme</c>, <c>git@github.com:o/r</c>, <c>github:o/r</c> → <c>https://github.com/o/r</c>
    /// (host and GitHub owner/name lowercased; a <c>/tree/ref/path</c> tail dropped). Null when it is no URL.
    /// </summary>
    public static string? Normalise(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return null;
        var u = url.Trim();
        if (u.StartsWith("github:", StringComparison.OrdinalIgnoreCase)) u = "https://github.com/" + u[7..];
        if (u.StartsWith("git@", StringComparison.Ordinal)) u = "https://" + u[4..].Replace(':', '/');
        if (u.StartsWith("git+", StringComparison.Ordinal)) u = u[4..];
        if (u.StartsWith("git://", StringComparison.Ordinal)) u = "https://" + u[6..];
        if (!u.Contains("://", StringComparison.Ordinal) && u.Count(c => c == '/') == 1 && !u.Contains(' ', StringComparison.Ordinal)) u = "https://github.com/" + u;
        if (!Uri.TryCreate(u, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http" or "ssh")) return null;
        var parts = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).ToList();
        var host = uri.Host.ToLowerInvariant();
        if (host == "www.github.com") host = "github.com";
        if (host == "github.com")
        {
            if (parts.Count < 2) return null;
            parts = [parts[0], parts[1]];
        }
        else if (parts.IndexOf("-") is var dash and > 0) parts = parts[..dash]; // gitlab: /-/tree/…
        else if (parts.IndexOf("tree") is var tree and > 1) parts = parts[..tree];
        if (parts.Count == 0) return null;
        parts[^1] = parts[^1].EndsWith(".git", StringComparison.OrdinalIgnoreCase) ? parts[^1][..^4] : parts[^1];
        var path = string.Join('/', parts);
        return $"https://{host}/{(host == "github.com" ? path.ToLowerInvariant() : path)}";
    }

    /// <summary>The <c>owner/repo</c> of a GitHub URL, else null.</summary>
    public static (string Owner, string Repo)? GitHub(string? url)
    {
        var n = Normalise(url);
        if (n is null || !n.StartsWith("https://github.com/", StringComparison.Ordinal)) return null;
        var parts = n["https://github.com/".Length..].Split('/');
        return parts.Length == 2 ? (parts[0], parts[1]) : null;
    }

    /// <summary>The subfolder in a <c>/tree/&lt;ref&gt;/&lt;path&gt;</c> link, if any.</summary>
    public static string? Subfolder(string? url)
    {
        if (url is null || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)) return null;
        var parts = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var tree = Array.IndexOf(parts, "tree");
        return tree >= 2 && parts.Length > tree + 2 ? string.Join('/', parts[(tree + 2)..]) : null;
    }
}
