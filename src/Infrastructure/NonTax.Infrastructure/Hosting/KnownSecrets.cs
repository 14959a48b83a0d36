namespace NonTax.Infrastructure.Hosting;

/// <summary>
/// Secret values this process holds (peer tokens as the registry decrypts them, the operator
/// token, the token key, database and SMS passwords), so the log pipeline can hide them wherever
/// they turn up: a token has no shape a pattern could recognise, and an exception message may
/// quote one. Process-wide because every logger of the process must see every secret; bounded by
/// the number of peers (each token, old and new, once).
/// </summary>
public static class KnownSecrets
{
    /// <summary>Shorter values would hide ordinary words; every real secret here is longer.</summary>
    public const int MinimumLength = 8;

    private static readonly object Gate = new();
    private static string[] s_values = [];

    public static void Register(string? value)
    {
        if (value is null || value.Length < MinimumLength)
        {
            return;
        }

        lock (Gate)
        {
            if (!s_values.Contains(value, StringComparer.Ordinal))
            {
                // Longest first, so a secret that contains another is hidden whole.
                s_values = [.. s_values.Append(value).OrderByDescending(v => v.Length)];
            }
        }
    }

    /// <summary>Replaces every known secret inside <paramref name="text"/> by <see cref="SensitiveDataMasker.Hidden"/>.</summary>
    public static string Redact(string text)
    {
        var values = s_values;
        if (values.Length == 0 || text.Length < MinimumLength)
        {
            return text;
        }

        foreach (var value in values)
        {
            if (text.Contains(value, StringComparison.Ordinal))
            {
                text = text.Replace(value, SensitiveDataMasker.Hidden, StringComparison.Ordinal);
            }
        }

        return text;
    }
}
