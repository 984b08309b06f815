using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Catalog.Crawler.Archives;
using Catalog.Crawler.Launch;
using Catalog.Crawler.Sources;

namespace Catalog.Crawler.Tests;

public sealed class NpmAndTarballTests
{
    private static byte[] Tarball(Action<TarWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var gz = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        using (var tar = new TarWriter(gz, TarEntryFormat.Pax))
        {
            write(tar);
        }
        return buffer.ToArray();
    }

    private static void File(TarWriter tar, string name, string text, TarEntryType type = TarEntryType.RegularFile)
    {
        var e = new PaxTarEntry(type, name) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(text)) };
        tar.WriteEntry(e);
    }

    [Fact]
    public async Task Hostile_entries_are_refused_and_nothing_leaves_the_folder()
    {
        var bytes = Tarball(tar =>
        {
            File(tar, "package/index.js", "server.tool(\"ok\", async () => 1);");
            File(tar, "package/../../escape.txt", "x");
            File(tar, "/etc/passwd-copy", "x");
            tar.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, "package/link") { LinkName = "/etc" });
            tar.WriteEntry(new PaxTarEntry(TarEntryType.HardLink, "package/hard") { LinkName = "/etc/passwd" });
        });
        var parent = TestPaths.TempDir();
        var dest = Path.Combine(parent, "out");
        var result = await SafeTarball.ExtractAsync(new MemoryStream(bytes), dest);
        Assert.Null(result.Error);
        Assert.Equal(1, result.Files);
        Assert.Equal(4, result.Refused.Count);
        Assert.True(System.IO.File.Exists(Path.Combine(dest, "index.js")));
        Assert.False(System.IO.File.Exists(Path.Combine(parent, "escape.txt")));
        Assert.False(Path.Exists(Path.Combine(dest, "link")));
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, System.IO.File.GetUnixFileMode(Path.Combine(dest, "index.js")));
    }

    [Fact]
    public async Task File_count_and_decompression_bomb_caps_stop_extraction_and_leave_nothing()
    {
        var many = Tarball(tar => { for (var i = 0; i < 50; i++) File(tar, $"package/f{i}.js", "x"); });
        var dest = Path.Combine(TestPaths.TempDir(), "many");
        var r = await SafeTarball.ExtractAsync(new MemoryStream(many), dest, new TarballLimits { MaxFiles = 10 });
        Assert.Contains("more than 10 files", r.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dest));

        var bomb = Tarball(tar => File(tar, "package/zeros", new string('0', 4_000_000)));
        Assert.True(bomb.Length < 100_000);
        var bombDest = Path.Combine(TestPaths.TempDir(), "bomb");
        var b = await SafeTarball.ExtractAsync(new MemoryStream(bomb), bombDest, new TarballLimits { MaxExpandedBytes = 1_000_000 });
        Assert.Contains("expands past", b.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(bombDest));

        var corrupt = await SafeTarball.ExtractAsync(new MemoryStream(many[..(many.Length / 2)]), Path.Combine(TestPaths.TempDir(), "c"));
        Assert.NotNull(corrupt.Error);
    }

    [Fact]
    public async Task Npm_metadata_and_tarball_from_a_loopback_registry_are_read_once_per_version()
    {
        var tgz = Tarball(tar => File(tar, "package/dist/index.js", "server.registerTool(\"list_files\", { description: \"Lists files\" }, cb);"));
        var sha = Convert.ToHexStringLower(SHA1.HashData(tgz));
        Loopback? server = null;
        server = new Loopback(async ctx =>
        {
            var path = ctx.Request.RawUrl!;
            if (path == "/@acme%2Ffiles-mcp")
                await Loopback.Send(ctx, 200, """{"name":"@acme/files-mcp","dist-tags":{"latest":"1.2.0"},"versions":{"1.2.0":{"description":"Files","repository":{"url":"git+https://github.com/Acme/Files-MCP.git"},"dist":{"tarball":"URL","shasum":"SHA"}}}}""".Replace("URL", server!.Url + "files.tgz", StringComparison.Ordinal).Replace("SHA", sha, StringComparison.Ordinal));
            else if (path == "/files.tgz") await Loopback.Send(ctx, 200, tgz);
            else if (path == "/broken") await Loopback.Send(ctx, 200, "{\"name\": ");
            else await Loopback.Send(ctx, 404, "{}");
        });
        using (server)
        {
            var npm = new NpmRegistry(TestHttp.Fetcher(), server.Url, TestPaths.TempDir());
            var read = await new NpmSource(npm, ["@acme/files-mcp", "broken", "missing-pkg"]).ReadAsync(CancellationToken.None);
            var record = Assert.Single(read.Records);
            Assert.Equal("https://github.com/acme/files-mcp", record.Record.Server.RepositoryUrl);
            Assert.Equal(new NpmLaunch("@acme/files-mcp", "1.2.0", [], new Dictionary<string, string>()).Package, Assert.IsType<NpmLaunch>(record.Record.Launch).Package);
            Assert.Equal(2, read.Errors.Count);

            var (package, _) = await npm.GetPackageAsync("@acme/files-mcp", null, CancellationToken.None);
            var (folder, error) = await npm.FetchSourceAsync(package!, CancellationToken.None);
            Assert.Null(error);
            await npm.FetchSourceAsync(package!, CancellationToken.None);
            Assert.Equal(1, npm.TarballDownloads);
            Assert.Equal("list_files", Assert.Single(Static.StaticExtractor.Extract(folder!)).Definition.Name);
        }
    }

    [Theory]
    [InlineData("npm error code ETARGET\nnpm error notarget No matching version found for left-pad@99.0.0.\nnpm error notarget In most cases you or one of your dependencies are requesting\nnpm error A complete log of this run can be found in: /tmp/x.log",
        "npm error notarget No matching version found for left-pad@99.0.0.")]
    [InlineData("npm ERR! code E404\nnpm ERR! 404 Not Found - GET https://registry.example/nope\nnpm ERR!\nnpm ERR! A complete log of this run can be found in: /tmp/y.log",
        "npm ERR! 404 Not Found - GET https://registry.example/nope")]
    [InlineData("added 3 packages\nsomething odd happened", "something odd happened")]
    public void An_install_failure_is_summarised_by_the_line_that_names_the_cause(string output, string expected) =>
        Assert.Equal(expected, Catalog.Crawler.Launch.NpmInstaller.Summarize(output));
}
