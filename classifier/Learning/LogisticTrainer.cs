namespace Catalog.Classifier.Learning;

/// <summary>
/// Trains <see cref="LogisticModel"/> by full-batch gradient descent with Adam steps and L2: a fixed number of
/// iterations over the rows in their given order, no randomness, so the same data gives the same weights.
/// </summary>
internal sealed class LogisticTrainer
{
    public int Iterations { get; init; } = 120;
    public double LearningRate { get; init; } = 0.05;
    public double L2 { get; init; } = 1e-3;

    /// <summary>Destructive errors cost more than others (a missed delete is worse than a cautious read).</summary>
    public double DestructiveWeight { get; init; } = 1.5;

    /// <summary>Buckets seen in fewer distinct servers than this are dropped: a word one server uses teaches nothing general.</summary>
    public int MinServers { get; init; } = 2;

    public LogisticModel Train(IReadOnlyList<SparseRow> rows, IReadOnlyList<int> labels, IReadOnlyList<string> servers,
        int bucketBits, bool usesRules)
    {
        const int k = LogisticModel.Classes;
        var (local, buckets) = Compact(rows, servers, 1 << bucketBits);
        var f = buckets.Length;
        var w = new double[f * k];
        var m = new double[w.Length];
        var v = new double[w.Length];
        var g = new double[w.Length];

        var rowWeight = new double[rows.Count];
        var total = 0.0;
        for (var r = 0; r < rows.Count; r++) total += rowWeight[r] = labels[r] == 2 ? DestructiveWeight : 1.0;

        Span<double> p = stackalloc double[k];
        const double beta1 = 0.9, beta2 = 0.999, eps = 1e-8;
        for (var it = 1; it <= Iterations; it++)
        {
            for (var i = 0; i < w.Length; i++) g[i] = L2 * w[i];
            for (var r = 0; r < local.Length; r++)
            {
                var (idx, val) = local[r];
                double s0 = 0, s1 = 0, s2 = 0;
                for (var j = 0; j < idx.Length; j++)
                {
                    var at = idx[j] * k;
                    var x = val[j];
                    s0 += w[at] * x;
                    s1 += w[at + 1] * x;
                    s2 += w[at + 2] * x;
                }
                LogisticModel.Softmax(s0, s1, s2, p);
                p[labels[r]] -= 1;
                var scale = rowWeight[r] / total;
                double d0 = p[0] * scale, d1 = p[1] * scale, d2 = p[2] * scale;
                for (var j = 0; j < idx.Length; j++)
                {
                    var at = idx[j] * k;
                    var x = val[j];
                    g[at] += d0 * x;
                    g[at + 1] += d1 * x;
                    g[at + 2] += d2 * x;
                }
            }
            var c1 = 1 - Math.Pow(beta1, it);
            var c2 = 1 - Math.Pow(beta2, it);
            for (var at = 0; at < w.Length; at++)
            {
                m[at] = beta1 * m[at] + (1 - beta1) * g[at];
                v[at] = beta2 * v[at] + (1 - beta2) * g[at] * g[at];
                w[at] -= LearningRate * (m[at] / c1) / (Math.Sqrt(v[at] / c2) + eps);
            }
        }

        var weights = new float[(1 << bucketBits) * k];
        for (var i = 0; i < f; i++)
        {
            for (var c = 0; c < k; c++) weights[buckets[i] * k + c] = (float)Math.Round(w[i * k + c], 4);
        }
        return new LogisticModel(bucketBits, usesRules, weights, Calibration.Identity);
    }

    /// <summary>
    /// Keeps the buckets seen in at least <see cref="MinServers"/> servers, numbers them densely, and rewrites every
    /// row over those numbers with duplicate buckets summed: the training loop then touches only live weights.
    /// </summary>
    private (( int[] Idx, double[] Val)[] Rows, int[] Buckets) Compact(IReadOnlyList<SparseRow> rows, IReadOnlyList<string> servers, int bucketCount)
    {
        var lastServer = new int[bucketCount];
        var seen = new int[bucketCount];
        Array.Fill(lastServer, -1);
        var serverIds = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var r = 0; r < rows.Count; r++)
        {
            if (!serverIds.TryGetValue(servers[r], out var s)) serverIds[servers[r]] = s = serverIds.Count;
            foreach (var b in rows[r].Indices)
            {
                // Counting changes of server never overcounts below two, and two distinct servers is what is asked.
                if (lastServer[b] == s || seen[b] >= MinServers) continue;
                lastServer[b] = s;
                seen[b]++;
            }
        }
        var id = new int[bucketCount];
        var buckets = new List<int>();
        for (var b = 0; b < bucketCount; b++)
        {
            id[b] = -1;
            if (seen[b] >= MinServers) { id[b] = buckets.Count; buckets.Add(b); }
        }
        var result = new (int[], double[])[rows.Count];
        var merged = new Dictionary<int, double>();
        for (var r = 0; r < rows.Count; r++)
        {
            merged.Clear();
            var row = rows[r];
            for (var j = 0; j < row.Indices.Length; j++)
            {
                var i = id[row.Indices[j]];
                if (i >= 0) merged[i] = merged.GetValueOrDefault(i) + row.Values[j];
            }
            var keys = merged.Keys.Order().ToArray();
            result[r] = (keys, keys.Select(x => merged[x]).ToArray());
        }
        return (result, buckets.ToArray());
    }
}
