using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NonTax.Frontend.Accounts;
using NonTax.Frontend.Audit;

namespace NonTax.Frontend.Pages.Account;

[Authorize]
public sealed class ChangePasswordModel(UserManager<WebUser> users, SignInManager<WebUser> signIn, AuditTrail audit) : PageModel
{
    [BindProperty] public string Current { get; set; } = "";
    [BindProperty] public string New { get; set; } = "";
    [BindProperty] public string Confirm { get; set; } = "";

    public bool Forced => User.HasClaim(WebClaims.MustChangePassword, "true");

    public List<string> Errors { get; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (New != Confirm)
        {
            Errors.Add("两次输入的新密码不一致 (the new passwords differ)");
            return Page();
        }

        if (New == Current)
        {
            Errors.Add("新密码不能与当前密码相同 (the new password must differ from the current one)");
            return Page();
        }

        var result = await users.ChangePasswordAsync(user, Current, New);
        if (!result.Succeeded)
        {
            Errors.AddRange(result.Errors.Select(e => e.Description));
            await audit.RecordAsync("user.change_password", user.UserName, AuditTrail.Refused, string.Join(",", result.Errors.Select(e => e.Code)));
            return Page();
        }

        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        await signIn.RefreshSignInAsync(user);
        await audit.RecordAsync("user.change_password", user.UserName, AuditTrail.Succeeded);
        return Redirect("/");
    }
}
