namespace NonTax.Frontend.Accounts;

/// <summary>
/// A user whose password was set by someone else (a new account, a reset, the initial
/// administrator) reaches nothing but the password change and sign-out until they choose their own.
/// </summary>
public sealed class ForcedPasswordChange(RequestDelegate next)
{
    public const string ChangePath = "/account/change-password";

    public Task InvokeAsync(HttpContext context)
    {
        if (context.User.HasClaim(WebClaims.MustChangePassword, "true")
            && !context.Request.Path.StartsWithSegments(ChangePath, StringComparison.OrdinalIgnoreCase)
            && !context.Request.Path.StartsWithSegments("/account/logout", StringComparison.OrdinalIgnoreCase)
            && !context.Request.Path.StartsWithSegments("/health")
            && !context.Request.Path.StartsWithSegments("/culture")
            && !context.Request.Path.StartsWithSegments("/css")
            && !context.Request.Path.StartsWithSegments("/pay", StringComparison.OrdinalIgnoreCase))
        {
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            }

            context.Response.Redirect(ChangePath);
            return Task.CompletedTask;
        }

        return next(context);
    }
}
