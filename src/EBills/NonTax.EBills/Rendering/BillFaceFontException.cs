namespace NonTax.EBills.Rendering;

/// <summary>
/// The CJK font the bill face needs is missing or unusable: the message names the file and the
/// Debian package that provides one (docs/operations.md "E-bills"). Rendering never falls back to
/// a font without Chinese glyphs, so a bill face is never blank.
/// </summary>
public sealed class BillFaceFontException(string message, Exception? inner = null) : Exception(message, inner);
