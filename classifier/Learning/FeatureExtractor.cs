using Catalog.Classifier.Decision;
using Catalog.Classifier.Rules;
using Catalog.Classifier.Signals;
using Catalog.Data.Model;

namespace Catalog.Classifier.Learning;

/// <summary>
/// Turns one tool into hashed features: name tokens (verb first), word and character n-grams of title and
/// description, schema parameter names, types, enum values and required flags, server words, and — for the combined
/// model — the rules' own evidence and verdict. Each family hashes under its own seed so "delete" in the name and
/// "delete" in the description are different features.
/// </summary>
internal static class FeatureExtractor
{
    public const int DefaultBucketBits = 18;

    // Descriptions past this many words add noise, not signal; the opening carries the action.
    private const int MaxWords = 120;
    private const int FirstSentenceWords = 24;
    private const int CharGramWords = 40;

    private static readonly uint Bias = FeatureHash.Seed("bias");
    private static readonly uint NameToken = FeatureHash.Seed("n");
    private static readonly uint NameFirst = FeatureHash.Seed("n0");
    private static readonly uint NameLast = FeatureHash.Seed("nz");
    private static readonly uint NamePair = FeatureHash.Seed("n2");
    private static readonly uint TitleToken = FeatureHash.Seed("t");
    private static readonly uint Word = FeatureHash.Seed("w");
    private static readonly uint WordPair = FeatureHash.Seed("w2");
    private static readonly uint Opening = FeatureHash.Seed("f");
    private static readonly uint OpeningPair = FeatureHash.Seed("f2");
    private static readonly uint CharGram = FeatureHash.Seed("c4");
    private static readonly uint Param = FeatureHash.Seed("p");
    private static readonly uint ParamType = FeatureHash.Seed("pt");
    private static readonly uint ParamRequired = FeatureHash.Seed("pr");
    private static readonly uint EnumValue = FeatureHash.Seed("e");
    private static readonly uint ParamWord = FeatureHash.Seed("pd");
    private static readonly uint ParamCount = FeatureHash.Seed("pc");
    private static readonly uint NoDescription = FeatureHash.Seed("nodesc");
    private static readonly uint Server = FeatureHash.Seed("s");
    private static readonly uint RuleEvidence = FeatureHash.Seed("R");
    private static readonly uint RuleVerdict = FeatureHash.Seed("RV");
    private static readonly uint RuleScore = FeatureHash.Seed("RS");

    public static void Extract(ToolFacts facts, string serverId, List<Observation> observations, Verdict rules,
        bool withRules, FeatureVector v)
    {
        v.Clear();
        v.Add(Bias);
        Name(facts, v);
        Description(facts, v);
        Schema(facts, v);
        ServerWords(serverId, v);
        if (withRules) Rules(observations, rules, v);
    }

    private static void Name(ToolFacts facts, FeatureVector v)
    {
        var tokens = facts.NameTokens;
        uint previous = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var h = FeatureHash.Of(tokens[i]);
            v.Add(FeatureHash.Mix(NameToken, h));
            if (i == 0) v.Add(FeatureHash.Mix(NameFirst, h));
            if (i == tokens.Count - 1 && i > 0) v.Add(FeatureHash.Mix(NameLast, h));
            if (i > 0) v.Add(FeatureHash.Mix(NamePair, FeatureHash.Mix(previous, h)));
            previous = h;
            CharGrams(tokens[i], v, 1f);
        }
        foreach (var t in facts.TitleTokens) v.Add(FeatureHash.Mix(TitleToken, FeatureHash.Of(t)));
    }

    private static void Description(ToolFacts facts, FeatureVector v)
    {
        var words = facts.DescriptionWords;
        if (words.Count == 0)
        {
            v.Add(NoDescription);
            return;
        }
        var start = v.Count;
        var n = Math.Min(words.Count, MaxWords);
        // The opening words are hashed again below; keep their hashes rather than compute them twice.
        Span<uint> opening = stackalloc uint[Math.Min(n, FirstSentenceWords)];
        uint previous = 0;
        for (var i = 0; i < n; i++)
        {
            var w = words[i];
            var h = FeatureHash.Of(w.Text);
            if (i < opening.Length) opening[i] = h;
            v.Add(FeatureHash.Mix(Word, h));
            if (i > 0) v.Add(FeatureHash.Mix(WordPair, FeatureHash.Mix(previous, h)));
            previous = h;
        }
        // Longer texts add more features; scaling by 1/√n keeps one tool's description from outvoting its name.
        v.Scale(start, 1f / MathF.Sqrt(Math.Max(1, n) / 8f + 1f));

        // The opening sentence states the action; its words count again on their own.
        previous = 0;
        for (var i = 0; i < opening.Length; i++)
        {
            if (words[i].Start > facts.FirstSentenceEnd) break;
            var h = opening[i];
            v.Add(FeatureHash.Mix(Opening, h));
            if (i > 0) v.Add(FeatureHash.Mix(OpeningPair, FeatureHash.Mix(previous, h)));
            previous = h;
        }
        var charStart = v.Count;
        for (var i = 0; i < Math.Min(n, CharGramWords); i++) CharGrams(words[i].Text, v, 1f);
        v.Scale(charStart, 0.5f / MathF.Sqrt(Math.Max(1, v.Count - charStart) / 16f + 1f));
    }

    // Character 4-grams of a word padded with boundaries ("^del", "dele", "elet", "lete", "ete$") read "deletes",
    // "deleting" and "undelete" as related without a stemmer.
    private static void CharGrams(string word, FeatureVector v, float value)
    {
        if (word.Length < 3) return;
        Span<char> padded = stackalloc char[Math.Min(word.Length, 30) + 2];
        padded[0] = '^';
        word.AsSpan(0, padded.Length - 2).CopyTo(padded[1..]);
        padded[^1] = '$';
        for (var i = 0; i + 4 <= padded.Length; i++) v.Add(FeatureHash.Of(CharGram, padded.Slice(i, 4)), value);
    }

    private static void Schema(ToolFacts facts, FeatureVector v)
    {
        var top = 0;
        foreach (var p in facts.Properties)
        {
            if (p.Depth == 0) top++;
            var scale = p.Depth == 0 ? 1f : 0.5f;
            var typeHash = p.Type is { } type ? FeatureHash.Of(type) : 0;
            foreach (var t in p.Tokens)
            {
                var h = FeatureHash.Of(t);
                v.Add(FeatureHash.Mix(Param, h), scale);
                if (p.Type is not null) v.Add(FeatureHash.Mix(ParamType, FeatureHash.Mix(h, typeHash)), scale);
                if (p.Required) v.Add(FeatureHash.Mix(ParamRequired, h), scale);
            }
            for (var i = 0; i < Math.Min(p.Enum.Count, 16); i++) v.Add(FeatureHash.Mix(EnumValue, FeatureHash.OfLower(p.Enum[i])), 0.7f);
            if (p.Depth == 0 && p.Description.Length > 0) ParamDescription(p.Description, v);
        }
        v.Add(FeatureHash.Mix(ParamCount, (uint)Math.Min(top, 6)));
    }

    private static void ParamDescription(string text, FeatureVector v)
    {
        var words = 0;
        var start = -1;
        for (var i = 0; i <= text.Length && words < 12; i++)
        {
            var letter = i < text.Length && char.IsLetter(text[i]);
            if (letter)
            {
                if (start < 0) start = i;
                continue;
            }
            if (start < 0) continue;
            if (i - start > 2) v.Add(FeatureHash.Mix(ParamWord, FeatureHash.Of(2166136261, text.AsSpan(start, i - start))), 0.3f);
            words++;
            start = -1;
        }
    }

    private static void ServerWords(string serverId, FeatureVector v)
    {
        var start = -1;
        for (var i = 0; i <= serverId.Length; i++)
        {
            var letter = i < serverId.Length && char.IsLetterOrDigit(serverId[i]);
            if (letter)
            {
                if (start < 0) start = i;
                continue;
            }
            if (start >= 0 && i - start > 2) v.Add(FeatureHash.Mix(Server, FeatureHash.Of(2166136261, serverId.AsSpan(start, i - start))), 0.3f);
            start = -1;
        }
    }

    private static void Rules(List<Observation> observations, Verdict rules, FeatureVector v)
    {
        foreach (var o in observations)
        {
            var e = o.Evidence;
            var h = FeatureHash.Mix(FeatureHash.Of(e.Signal), FeatureHash.Of(e.Points));
            v.Add(FeatureHash.Mix(RuleEvidence, h), (float)e.Weight);
            v.Add(FeatureHash.Mix(RuleEvidence, FeatureHash.Mix(h, FeatureHash.Of(e.Source))), (float)e.Weight);
        }
        var c = (uint)rules.Category;
        v.Add(FeatureHash.Mix(RuleVerdict, c), 2f);
        v.Add(FeatureHash.Mix(RuleVerdict, c * 10 + (uint)Math.Round(rules.Confidence * 5)), 1f);
        v.Add(FeatureHash.Mix(RuleScore, 0), (float)rules.ReadScore);
        v.Add(FeatureHash.Mix(RuleScore, 1), (float)rules.WriteScore);
        v.Add(FeatureHash.Mix(RuleScore, 2), (float)rules.DestructiveScore);
    }
}
