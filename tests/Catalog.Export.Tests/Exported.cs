using Catalog.Classifier.Export;

namespace Catalog.Export.Tests;

internal static class Exported
{
    public static ExportResult Run(string format, PolicyPlan plan) => PolicyExporters.Get(format).Export(plan);

    public static string Text(string format, string profile = "balanced") => Run(format, FixtureServer.Plan(profile)).Content;
}
