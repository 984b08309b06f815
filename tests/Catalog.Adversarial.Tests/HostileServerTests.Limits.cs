using System.Globalization;
using System.Text.RegularExpressions;
using Catalog.Crawler.Sandbox;
using Catalog.Data.Model;

namespace Catalog.Adversarial.Tests;

/// <summary>Servers that attack the machine rather than the crawler: each must hit a sandbox limit, not the host.</summary>
public sealed partial class HostileServerTests
{
    private static readonly SandboxOptions Sandbox = new();

    [Fact]
    public async Task A_fork_bomb_at_start_up_is_stopped_by_the_process_cap_and_leaves_no_process_behind()
    {
        var (attempt, tools, _) = await Crawl("fork-bomb");

        Assert.True(attempt.Status == AttemptStatus.Ok, attempt.Error);
        var names = tools.Select(t => t.Name).ToList();
        Assert.Contains("fork_refused", names);
        var children = int.Parse(names.Single(n => n.StartsWith("children_", StringComparison.Ordinal))["children_".Length..], CultureInfo.InvariantCulture);
        Assert.InRange(children, 1, Sandbox.Processes - 1);
        Assert.Empty(SurvivingSleepers());
    }

    [Fact]
    public async Task A_memory_hog_is_refused_at_the_memory_limit_and_recorded_as_a_failed_start()
    {
        var (attempt, tools, _) = await Crawl("memory-hog");

        Assert.Equal(AttemptStatus.Failed, attempt.Status);
        var match = Regex.Match(attempt.Error ?? "", @"^server exited with code 7 during initialize: hog: allocation refused after (\d+) MiB$");
        Assert.True(match.Success, attempt.Error);
        Assert.InRange(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), 64, Sandbox.MemoryMegabytes);
        Assert.Empty(tools);
    }

    [Fact]
    public async Task Filling_the_private_tmp_stops_at_its_size()
    {
        var (attempt, tools, _) = await Crawl("tmp-filler");

        Assert.True(attempt.Status == AttemptStatus.Ok, attempt.Error);
        var names = tools.Select(t => t.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(2, names.Count);
        Assert.Equal("tmp_full", names[0]);
        var wrote = int.Parse(names[1].Split('_')[1], CultureInfo.InvariantCulture);
        Assert.InRange(wrote, Sandbox.TmpfsMegabytes - 8, Sandbox.TmpfsMegabytes);
    }

    /// <summary>Processes the fork bomb started (<c>/bin/sleep 613</c>) still alive anywhere on the machine.</summary>
    private static List<string> SurvivingSleepers()
    {
        var found = new List<string>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!char.IsAsciiDigit(Path.GetFileName(dir)[0])) continue;
            try
            {
                if (File.ReadAllText(Path.Combine(dir, "cmdline")) == "/bin/sleep\u0000613\u0000") found.Add(Path.GetFileName(dir));
            }
            catch (IOException)
            {
                // Ended while being read.
            }
        }
        return found;
    }
}
