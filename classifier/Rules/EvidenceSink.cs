using Catalog.Data.Model;

namespace Catalog.Classifier.Rules;

/// <summary>Collects what the rules observed. One per classification; never shared.</summary>
internal sealed class EvidenceSink
{
    private readonly List<Observation> _observations = new(8);
    private readonly List<OperationClass> _operations = [];

    public List<Observation> Observations => _observations;
    public IReadOnlyList<OperationClass> Operations => _operations;

    /// <param name="why">A clause for the rationale: what this span says the tool does.</param>
    /// <param name="primary">False for a verb that is not the name's first: it yields to a description that disagrees.</param>
    /// <param name="verb">The base verb behind the evidence: the same verb in name and description is one signal, not two.</param>
    public void For(Category category, string signal, string source, string text, double weight, string why,
        bool primary = true, string? verb = null, bool contextual = false) =>
        Add(new Observation(new Evidence(signal, source, text, Observation.NameOf(category), Math.Round(weight, 3)), why, primary, verb, contextual));

    public void Tag(string tag, string source, string text, double weight) =>
        Add(new Observation(new Evidence(SignalIds.Tag, source, text, tag, Math.Round(weight, 3)), ""));

    public void Operation(OperationClass operation)
    {
        foreach (var o in _operations) if (o.Parameter == operation.Parameter && o.Value == operation.Value) return;
        _operations.Add(operation);
    }

    // The same signal on the same text says nothing new; counting it twice would inflate the score.
    private void Add(Observation o)
    {
        foreach (var existing in _observations)
        {
            var e = existing.Evidence;
            if (e.Signal == o.Evidence.Signal && e.Points == o.Evidence.Points && e.Source == o.Evidence.Source &&
                string.Equals(e.Text, o.Evidence.Text, StringComparison.OrdinalIgnoreCase))
                return;
        }
        _observations.Add(o);
    }
}

/// <summary>Evidence plus the clause the rationale uses for it.</summary>
/// <param name="Contextual">The verb's object changed its meaning ("add two numbers", "update many").</param>
internal sealed record Observation(Evidence Evidence, string Why, bool Primary = true, string? Verb = null, bool Contextual = false)
{
    // Enum.ToString on every comparison was a hot cost; the names are fixed.
    private static readonly string[] Names = [nameof(Category.Read), nameof(Category.Write), nameof(Category.Destructive)];

    public static string NameOf(Category c) => (uint)c < (uint)Names.Length ? Names[(int)c] : c.ToString();

    public bool IsCategory(Category c) => Evidence.Signal != SignalIds.Tag && string.Equals(Evidence.Points, NameOf(c), StringComparison.Ordinal);
}
