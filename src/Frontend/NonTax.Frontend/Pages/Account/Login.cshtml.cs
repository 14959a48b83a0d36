using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NonTax.Frontend.Accounts;
using NonTax.Frontend.Audit;

namespace NonTax.Frontend.Pages.Account;

public sealed class LoginModel(SignInManager<WebUser> signIn, UserManager<WebUser> users, AuditTrail audit) : PageModel
{
    [BindProperty] public string UserName { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var name = UserName.Trim();
        // Failed attempts count toward the lockout (lockoutOnFailure), whoever types them.
        var result = await signIn.PasswordSignInAsync(name, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await audit.RecordAsync("user.sign_in", name, AuditTrail.Succeeded, actor: name);
            var user = await users.FindByNameAsync(name);
            if (user?.MustChangePassword == true)
            {
                return Redirect(ForcedPasswordChange.ChangePath);
            }

            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }

        if (result.IsLockedOut)
        {
            await audit.RecordAsync("user.sign_in", name, AuditTrail.Refused, "locked out", actor: name);
            Error = "账户已锁定，请稍后再试或联系管理员";
        }
        else
        {
            await audit.RecordAsync("user.sign_in", name, AuditTrail.Refused, "wrong user name or password", actor: name);
            Error = "用户名或密码错误";
        }

        return Page();
    }
}
