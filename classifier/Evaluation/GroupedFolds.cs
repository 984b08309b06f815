using Catalog.Classifier.Learning;

namespace Catalog.Classifier.Evaluation;

/// <summary>
/// Assigns every server to one fold by a stable hash of its name, so no server has tools on both sides of a split
/// and the same data always splits the same way.
/// </summary>
internal static class GroupedFolds
{
    public static int Of(string server, int folds, uint salt = 0) =>
        (int)(FeatureHash.Mix(FeatureHash.Of(server), salt) % (uint)folds);
}
