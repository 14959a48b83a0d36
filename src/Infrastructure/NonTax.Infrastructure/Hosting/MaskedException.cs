namespace NonTax.Infrastructure.Hosting;

/// <summary>
/// Stands in for a logged exception: the same type name, message and stack trace text as the
/// original (inner exceptions included, as <see cref="Exception.ToString"/> renders them), with
/// known secrets and personal numbers masked as in <see cref="SensitiveDataMasker"/>.
/// </summary>
public sealed class MaskedException : Exception
{
    private readonly string _text;

    public MaskedException(Exception original)
        : base(Mask(original.Message))
    {
        ArgumentNullException.ThrowIfNull(original);
        _text = Mask(original.ToString());
        OriginalType = original.GetType().FullName ?? original.GetType().Name;
    }

    public MaskedException()
        : this(new InvalidOperationException())
    {
    }

    public MaskedException(string message)
        : this(new InvalidOperationException(message))
    {
    }

    public MaskedException(string message, Exception innerException)
        : this(new InvalidOperationException(message, innerException))
    {
    }

    public string OriginalType { get; }

    public override string ToString() => _text;

    public static string Mask(string text) => SensitiveDataMasker.MaskText(KnownSecrets.Redact(text));
}
