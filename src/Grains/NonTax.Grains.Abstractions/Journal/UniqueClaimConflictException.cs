namespace NonTax.Grains.Abstractions.Journal;

/// <summary>Raised by the storage provider when a <see cref="UniqueClaim"/> is held by another owner.</summary>
[GenerateSerializer]
public sealed class UniqueClaimConflictException : Exception
{
    public UniqueClaimConflictException(string scope, string key, string existingOwner)
        : base($"Key '{key}' in scope '{scope}' is already held by another owner.")
    {
        Scope = scope;
        Key = key;
        ExistingOwner = existingOwner;
    }

    [Id(0)] public string Scope { get; }
    [Id(1)] public string Key { get; }
    [Id(2)] public string ExistingOwner { get; }
}
