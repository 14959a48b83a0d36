namespace NonTax.Silo.Operations;

/// <summary>
/// Who is acting, for audit columns (peer_changes, bank link history, green channel read_by) and
/// maker-checker: a machine token's own name (<c>token:&lt;name&gt;</c>; its <c>X-Operator</c>
/// header is ignored, so one token can never act as two people), else, under the break-glass
/// token, the <c>X-Operator</c> header.
/// </summary>
public static class OperatorName
{
    public const string Header = "X-Operator";
    public const string Anonymous = "ops-api";

    public static string Of(HttpContext context) =>
        context.Items[OperatorApiGate.TokenItem] is NonTax.Infrastructure.MachineTokens.MachineToken token ? token.Actor
        : context.Request.Headers[Header].ToString() is { Length: > 0 and <= 64 } name && !name.Any(char.IsControl)
            ? $"ops:{name.Trim()}"
            : Anonymous;
}
