using Catalog.Classifier;
using Catalog.Classifier.Export;
using Catalog.Data.Model;
using Catalog.Data.Store;

namespace Catalog.Cli.Stages;

/// <summary>
/// Classifies every current tool whose definition has no classification by this classifier version, then renders
/// the recommended policy (per tool and per server, in every export format) into the store for the site to show.
/// </summary>
internal static class ClassifyStage
{
    public const string PolicyFormat = "policylayer";

    public static (int Classified, int Total) Run(CliConsole console, CatalogStore store, ClassifierOptions? options = null)
    {
        var classifier = new ToolClassifier(options);
        var servers = store.GetServers().ToDictionary(s => s.Id, StringComparer.Ordinal);
        var batch = new List<(string, string, string, Classification)>();
        var classified = 0;
        foreach (var tool in store.ToolsNeedingClassification(ToolClassifier.Version))
        {
            servers.TryGetValue(tool.ServerId, out var server);
            var result = classifier.Classify(new ToolInput(tool.ServerId, tool.Definition, server?.Title, server?.Description));
            batch.Add((tool.ServerId, tool.Definition.Name, tool.Hash, result));
            if (batch.Count >= 1000) Flush();
        }
        Flush();
        // A new definition that is more dangerous than the one it replaced, or that carries injected text, is a rug pull.
        var rugPulls = store.RecordRugPulls();
        if (rugPulls > 0) console.Error.WriteLine($"recorded {rugPulls} rug pull(s): definitions that turned more dangerous (see 'catalog changes')");
        var total = 0;
        foreach (var group in store.GetTools().GroupBy(t => t.ServerId))
        {
            var tools = group.Where(t => t.Classification is not null).Select(t => (t.Definition, t.Classification!)).ToList();
            total += group.Count();
            servers.TryGetValue(group.Key, out var server);
            var package = PolicyRendering.PackageOf(server);
            store.InTransaction(() =>
            {
                foreach (var format in PolicyExporters.Formats)
                {
                    foreach (var tool in tools) store.SavePolicy(group.Key, tool.Definition.Name, format, PolicyRendering.Render(format, group.Key, package, [tool]).Content);
                    store.SavePolicy(group.Key, null, format, PolicyRendering.Render(format, group.Key, package, tools).Content);
                }
            });
        }
        console.Error.WriteLine($"classified {classified} tool definitions ({total} current tools in the store)");
        return (classified, total);

        void Flush()
        {
            if (batch.Count == 0) return;
            store.SaveClassifications(batch);
            classified += batch.Count;
            batch.Clear();
        }
    }
}
