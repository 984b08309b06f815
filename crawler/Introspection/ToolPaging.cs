using System.Text.Json;
using System.Text.Json.Nodes;
using Catalog.Data.Model;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Catalog.Crawler.Introspection;

/// <summary>
/// Walks <c>tools/list</c> over an initialised client, following <c>nextCursor</c> within the page, tool and time
/// limits. Shared by the stdio and HTTP introspectors, so both cap a server the same way.
/// </summary>
internal static class ToolPaging
{
    /// <summary>
    /// Initialises an MCP client over <paramref name="transport"/>, then lists its tools: the part of introspection
    /// that does not depend on how the server is reached. <paramref name="initialized"/> runs once the handshake is
    /// done, so a caller can say which phase a failure came in.
    /// </summary>
    public static async Task<IntrospectionResult> ConnectAndListAsync(IClientTransport transport, IntrospectionLimits limits,
        System.Diagnostics.Stopwatch clock, Action initialized, CancellationToken ct)
    {
        var options = new McpClientOptions
        {
            ClientInfo = new Implementation { Name = "mcp-risk-catalog", Version = "1.0" },
            InitializationTimeout = limits.StartTimeout,
        };
        await using var client = await McpClient.CreateAsync(transport, options, cancellationToken: ct);
        initialized();
        var (tools, note) = await ListAsync(client, limits, ct);
        var info = client.ServerInfo;
        return new IntrospectionResult(AttemptStatus.Ok, note, tools, info?.Name, info?.Version, Provenance.Live, clock.ElapsedMilliseconds);
    }

    /// <returns>The distinct tools read and, when a cap stopped the walk, a note saying which.</returns>
    public static async Task<(IReadOnlyList<ToolDefinition> Tools, string? Note)> ListAsync(McpClient client, IntrospectionLimits limits,
        CancellationToken ct)
    {
        var tools = new List<ToolDefinition>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        string? cursor = null;
        for (var page = 0; ; page++)
        {
            if (page >= limits.MaxPages) return (tools, $"stopped after {limits.MaxPages} pages of tools/list");
            using var request = CancellationTokenSource.CreateLinkedTokenSource(ct);
            request.CancelAfter(limits.RequestTimeout);
            // Raw request: the SDK's typed ListToolsAsync rejects schemas it considers invalid, and one odd
            // schema must not hide a server's whole tool list.
            var parameters = cursor is null ? new JsonObject() : new JsonObject { ["cursor"] = cursor };
            var response = await client.SendRequestAsync(new JsonRpcRequest { Method = RequestMethods.ToolsList, Params = parameters }, request.Token);
            var (listed, next) = ToolMapper.Page(response.Result?.Deserialize<JsonElement>() ?? default);
            foreach (var tool in listed)
            {
                if (ToolMapper.Map(tool, limits) is { } mapped && names.Add(mapped.Name)) tools.Add(mapped);
                if (tools.Count >= limits.MaxTools) return (tools, $"capped at {limits.MaxTools} tools");
            }
            if (string.IsNullOrEmpty(next) || next == cursor) return (tools, null);
            cursor = next;
        }
    }
}
