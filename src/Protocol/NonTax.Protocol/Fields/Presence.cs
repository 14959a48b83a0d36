namespace NonTax.Protocol.Fields;

/// <summary>Whether a field must be present (spec: M, O, *M).</summary>
public enum Presence
{
    /// <summary><c>M</c>: the element must be present (it may be empty only when the minimum length is 0).</summary>
    Mandatory,

    /// <summary><c>O</c>: may be absent or empty; writers keep the empty element.</summary>
    Optional,

    /// <summary><c>*M</c>: mandatory in a stated case; checked as optional here and by the voucher's own rule.</summary>
    Conditional,
}
