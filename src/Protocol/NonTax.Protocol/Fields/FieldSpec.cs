namespace NonTax.Protocol.Fields;

/// <summary>One row of a voucher's field table: name, type, length bounds and presence.</summary>
/// <param name="Name">Element name.</param>
/// <param name="Type">Data type.</param>
/// <param name="MinLength">Minimum length when present and non-empty checks apply (bytes for GBString).</param>
/// <param name="MaxLength">Maximum length (bytes for GBString, digits for Code).</param>
/// <param name="Presence">M / O / *M.</param>
public sealed record FieldSpec(string Name, FieldType Type, int MinLength, int MaxLength, Presence Presence)
{
    /// <summary>Mandatory field.</summary>
    public static FieldSpec M(string name, FieldType type, int min, int max) => new(name, type, min, max, Presence.Mandatory);

    /// <summary>Optional field.</summary>
    public static FieldSpec O(string name, FieldType type, int min, int max) => new(name, type, min, max, Presence.Optional);

    /// <summary>Conditionally mandatory field.</summary>
    public static FieldSpec C(string name, FieldType type, int min, int max) => new(name, type, min, max, Presence.Conditional);

    /// <summary>Mandatory field whose length bounds come from its type (Currency, Date, Time…).</summary>
    public static FieldSpec M(string name, FieldType type) => M(name, type, 0, int.MaxValue);

    /// <summary>Optional field whose length bounds come from its type.</summary>
    public static FieldSpec O(string name, FieldType type) => O(name, type, 0, int.MaxValue);
}
