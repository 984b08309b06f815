using Catalog.Data.Model;

namespace Catalog.Classifier.Lexicon;

/// <summary>What a verb means on its own, before its object is looked at.</summary>
/// <param name="NounLike">
/// The word is as often a noun ("post", "list", "order", "set"): it only counts as the tool's verb when it comes first.
/// </param>
internal readonly record struct VerbSense(string Verb, Category Category, double Weight, VerbKind Kind, bool NounLike);

internal enum VerbKind
{
    Plain,

    /// <summary>run/execute/eval: the object decides between running code, running a job, and running a report.</summary>
    Execute,

    /// <summary>pay/transfer/refund: money out when the object is money.</summary>
    Money,

    /// <summary>manage/handle: a bundle of operations, usually including delete.</summary>
    Manage,
}
