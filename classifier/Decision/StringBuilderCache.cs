using System.Text;

namespace Catalog.Classifier.Decision;

/// <summary>
/// One reusable <see cref="StringBuilder"/> per thread for the sentences a classification writes, as in
/// System.Text.StringBuilderCache: building a rationale then costs only its final string.
/// </summary>
internal static class StringBuilderCache
{
    // Larger builders are left to the collector rather than held for the thread's lifetime.
    private const int MaxCachedCapacity = 2048;

    [ThreadStatic] private static StringBuilder? t_cached;

    public static StringBuilder Acquire(int capacity)
    {
        var sb = t_cached;
        if (sb is null || sb.Capacity < capacity) return new StringBuilder(capacity);
        t_cached = null;
        return sb.Clear();
    }

    public static string GetStringAndRelease(StringBuilder sb)
    {
        var text = sb.ToString();
        if (sb.Capacity <= MaxCachedCapacity) t_cached = sb;
        return text;
    }
}
