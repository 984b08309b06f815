namespace Catalog.Site.Assets;

/// <summary>The stylesheet and script, embedded in the assembly so the site needs nothing beside the binary.</summary>
public static class SiteAssets
{
    public static byte[] Css => Read("Catalog.Site.Assets.site.css");

    public static byte[] Js => Read("Catalog.Site.Assets.site.js");

    private static byte[] Read(string name)
    {
        using var stream = typeof(SiteAssets).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Missing embedded asset {name}.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
