namespace Catalog.Site.Assets;

/// <summary>The stylesheet and script, embedded in the assembly so the site needs nothing beside the binary.</summary>
public static class SiteAssets
{
    public static byte[] Css => Read("Catalog.Site.Assets.site.css");

    public static byte[] Js => Read("Catalog.Site.Assets.site.js");

    /// <summary>A shield, so browsers do not ask for a missing /favicon.ico.</summary>
    public static string Icon => "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 16 16\"><path d=\"M8 1l6 2.5v4C14 11 11.5 14 8 15 4.5 14 2 11 2 7.5v-4z\" fill=\"#b34700\"/></svg>\n";

    private static byte[] Read(string name)
    {
        using var stream = typeof(SiteAssets).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Missing embedded asset {name}.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
