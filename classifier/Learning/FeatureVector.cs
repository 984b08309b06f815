namespace Catalog.Classifier.Learning;

/// <summary>
/// A sparse feature vector being filled: bucket indices and values, reused across calls so featurising a tool does
/// not allocate. Duplicate indices are allowed; a linear model sums them.
/// </summary>
internal sealed class FeatureVector
{
    private int[] _indices = new int[512];
    private float[] _values = new float[512];

    public FeatureVector(int bucketBits) => Mask = (1 << bucketBits) - 1;

    public int Mask { get; }
    public int Count { get; private set; }
    public ReadOnlySpan<int> Indices => _indices.AsSpan(0, Count);
    public ReadOnlySpan<float> Values => _values.AsSpan(0, Count);

    public void Clear() => Count = 0;

    public void Add(uint hash, float value = 1f)
    {
        if (Count == _indices.Length)
        {
            Array.Resize(ref _indices, Count * 2);
            Array.Resize(ref _values, Count * 2);
        }
        _indices[Count] = (int)(hash & (uint)Mask);
        _values[Count] = value;
        Count++;
    }

    /// <summary>Scales the values added since <paramref name="from"/>, so a long text weighs no more than a short one.</summary>
    public void Scale(int from, float factor)
    {
        for (var i = from; i < Count; i++) _values[i] *= factor;
    }

    public SparseRow ToRow() => new(Indices.ToArray(), Values.ToArray());
}

/// <summary>A frozen feature vector, for training and cross-validation.</summary>
internal sealed record SparseRow(int[] Indices, float[] Values);
