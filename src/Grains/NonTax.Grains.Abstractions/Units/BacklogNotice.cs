namespace NonTax.Grains.Abstractions.Units;

/// <summary>One notice named in a block reason: its code and the date its age is counted from.</summary>
public sealed record BacklogNotice(string PayCode, DateOnly Date);
