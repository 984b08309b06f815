using Catalog.Classifier.Signals;
using Catalog.Data.Model;

namespace Catalog.Classifier.Learning;

/// <summary>
/// The words of a tool that pushed the model toward a category, for the rationale when the model, not a rule,
/// decided. Only name tokens and opening description words are considered: they are what a reader can check.
/// </summary>
internal static class ModelCues
{
    private static readonly uint NameToken = FeatureHash.Seed("n");
    private static readonly uint Opening = FeatureHash.Seed("f");

    // A word must push at least this much to be named.
    private const double MinPull = 0.05;

    /// <summary>
    /// The two words that pull hardest toward <paramref name="category"/>, strongest first (the earlier of equals), the
    /// second unlike the first ignoring case; fewer when fewer pull at all.
    /// </summary>
    public static IReadOnlyList<string> For(ToolFacts facts, ICategoryModel model, Category category)
    {
        var candidates = new Candidates(facts, model, category);
        var first = candidates.Strongest(unlike: -1);
        if (first < 0) return [];
        var second = candidates.Strongest(unlike: first);
        return second < 0 ? [candidates.Quote(first)] : [candidates.Quote(first), candidates.Quote(second)];
    }

    /// <summary>The words considered, numbered: the name's tokens, then the words of the description's opening.</summary>
    private readonly struct Candidates
    {
        private readonly ToolFacts _facts;
        private readonly ICategoryModel _model;
        private readonly Category _category;
        private readonly uint _mask;
        private readonly int _count;

        public Candidates(ToolFacts facts, ICategoryModel model, Category category)
        {
            (_facts, _model, _category) = (facts, model, category);
            _mask = (uint)((1 << model.BucketBits) - 1);
            var opening = 0;
            while (opening < facts.DescriptionWords.Count && facts.DescriptionWords[opening].Start <= facts.FirstSentenceEnd) opening++;
            _count = facts.NameTokens.Count + opening;
        }

        /// <summary>The strongest word pulling more than <see cref="MinPull"/>, skipping any like word <paramref name="unlike"/>; -1 if none.</summary>
        public int Strongest(int unlike)
        {
            var best = -1;
            var bestPull = MinPull;
            for (var i = 0; i < _count; i++)
            {
                if (unlike >= 0 && Text(i).Equals(Text(unlike), StringComparison.OrdinalIgnoreCase)) continue;
                if (Pull(i) is { } pull && pull > bestPull) (best, bestPull) = (i, pull);
            }
            return best;
        }

        public string Quote(int i)
        {
            if (i < _facts.NameTokens.Count) return _facts.NameTokens[i];
            var w = _facts.DescriptionWords[i - _facts.NameTokens.Count];
            return _facts.Quote(w.Start, w.Length);
        }

        // The word as quoted: a name token, or the description's own text of a word.
        private ReadOnlySpan<char> Text(int i)
        {
            if (i < _facts.NameTokens.Count) return _facts.NameTokens[i];
            var w = _facts.DescriptionWords[i - _facts.NameTokens.Count];
            return _facts.Description.AsSpan(w.Start, Math.Min(w.Length, _facts.Description.Length - w.Start));
        }

        // Short words are left out: "get", "the" and "use" say little a reader could check.
        private double? Pull(int i)
        {
            if (i < _facts.NameTokens.Count)
            {
                var t = _facts.NameTokens[i];
                return t.Length < 3 ? null : _model.Pull((int)(FeatureHash.Mix(NameToken, FeatureHash.Of(t)) & _mask), _category);
            }
            var w = _facts.DescriptionWords[i - _facts.NameTokens.Count];
            return w.Text.Length < 4 ? null : _model.Pull((int)(FeatureHash.Mix(Opening, FeatureHash.Of(w.Text)) & _mask), _category);
        }
    }
}
