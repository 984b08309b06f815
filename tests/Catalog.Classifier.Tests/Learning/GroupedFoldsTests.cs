using Catalog.Classifier.Evaluation;

namespace Catalog.Classifier.Tests.Learning;

public sealed class GroupedFoldsTests
{
    [Fact]
    public void A_server_always_lands_in_the_same_fold()
    {
        for (var i = 0; i < 200; i++)
        {
            var server = $"@scope/server-{i}";
            Assert.Equal(GroupedFolds.Of(server, 5), GroupedFolds.Of(server, 5));
        }
    }

    [Fact]
    public void Servers_spread_over_every_fold()
    {
        var counts = new int[5];
        for (var i = 0; i < 500; i++) counts[GroupedFolds.Of($"server-{i}", 5)]++;
        Assert.All(counts, c => Assert.InRange(c, 60, 140));
    }

    [Fact]
    public void A_different_salt_gives_a_different_split()
    {
        var same = Enumerable.Range(0, 100).Count(i => GroupedFolds.Of($"s{i}", 4) == GroupedFolds.Of($"s{i}", 4, 0x5EED));
        Assert.InRange(same, 5, 60);
    }
}
