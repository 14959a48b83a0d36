using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NonTax.Frontend.Accounts;
using NonTax.Frontend.Audit;

namespace NonTax.Frontend.Pages.Account;

public sealed class LogoutModel(SignInManager<WebUser> signIn, AuditTrail audit) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            await audit.RecordAsync("user.sign_out", User.Identity.Name, AuditTrail.Succeeded);
        }

        await signIn.SignOutAsync();
        return Redirect("/account/login");
    }
}
