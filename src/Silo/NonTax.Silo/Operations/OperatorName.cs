namespace NonTax.Silo.Operations;

/// <summary>
/// Who is acting, for audit columns (peer_changes, bank link history, green channel read_by): the
/// <c>X-Operator</c> header until the web application supplies signed-in users.
/// </summary>
public static class OperatorName
{
    public const string Header = "X-Operator";
    public const string Anonymous = "ops-api";

    public static string Of(HttpContext context) =>
        context.Request.Headers[Header].ToString() is { Length: > 0 and <= 64 } name && !name.Any(char.IsControl)
            ? $"ops:{name.Trim()}"
            : Anonymous;
}
