namespace NonTax.Persistence.Storage;

/// <summary>Primary key of a row in <c>nontax.grain_state</c>.</summary>
internal readonly record struct GrainStateKey(string GrainType, string GrainId, string StateName)
{
    public static GrainStateKey From(GrainId grainId, string stateName) =>
        new(grainId.Type.ToString()!, grainId.Key.ToString()!, stateName);

    public override string ToString() => $"{GrainType}/{GrainId}/{StateName}";
}
