namespace NonTax.Persistence.Storage;

/// <summary>A grain's row in <c>nontax.grain_state</c> as read: its version (the ETag) and serialized state.</summary>
internal sealed record StoredState(long Version, byte[] Payload);
