using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NonTax.Frontend.Accounts;
using NonTax.Frontend.Audit;
using NonTax.Frontend.Rights;

namespace NonTax.Frontend.Pages.Admin;

/// <summary>Finance administrators create personal accounts, reset passwords and unlock users.</summary>
[Authorize(Policy = Permission.UsersManage)]
public sealed class UsersModel(UserManager<WebUser> users, AuditTrail audit, TimeProvider clock) : PageModel
{
    public sealed record Row(WebUser User, IList<string> Roles, bool LockedOut);

    [BindProperty] public string NewUserName { get; set; } = "";
    [BindProperty] public string NewDisplayName { get; set; } = "";
    [BindProperty] public string? NewUnitCode { get; set; }
    [BindProperty] public string NewRole { get; set; } = WebRoles.FinanceOperator;

    public List<Row> Users { get; } = [];
    public List<string> Errors { get; } = [];
    public string? Message { get; private set; }
    public string? TemporaryPassword { get; private set; }

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync()
    {
        var unit = string.IsNullOrWhiteSpace(NewUnitCode) ? null : NewUnitCode.Trim();
        if (!WebRoles.All.Contains(NewRole))
        {
            Errors.Add("未知角色 (unknown role)");
        }
        else if (WebRoles.IsUnitRole(NewRole) != (unit is not null))
        {
            Errors.Add("单位角色须填写执收单位编码，财政局角色不得填写 (unit roles need a unit code, bureau roles none)");
        }
        else if (string.IsNullOrWhiteSpace(NewUserName) || string.IsNullOrWhiteSpace(NewDisplayName))
        {
            Errors.Add("用户名和姓名必填 (user name and name are required)");
        }

        if (Errors.Count == 0)
        {
            var user = new WebUser
            {
                UserName = NewUserName.Trim(),
                DisplayName = NewDisplayName.Trim(),
                UnitCode = unit,
                OrganisationLevel = unit is null ? OrganisationLevel.Bureau : OrganisationLevel.Unit,
                MustChangePassword = true,
            };
            var password = Accounts.TemporaryPassword.New();
            var created = await users.CreateAsync(user, password);
            if (created.Succeeded)
            {
                await users.AddToRoleAsync(user, NewRole);
                TemporaryPassword = password;
                Message = $"已创建 {user.UserName}";
                await audit.RecordAsync("user.create", user.UserName, AuditTrail.Succeeded, $"role {NewRole}, unit {unit ?? "-"}");
            }
            else
            {
                Errors.AddRange(created.Errors.Select(e => e.Description));
                await audit.RecordAsync("user.create", NewUserName, AuditTrail.Refused, string.Join(",", created.Errors.Select(e => e.Code)));
            }
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostResetAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is not null)
        {
            var password = Accounts.TemporaryPassword.New();
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var reset = await users.ResetPasswordAsync(user, token, password);
            if (reset.Succeeded)
            {
                user.MustChangePassword = true;
                await users.UpdateAsync(user);
                await users.SetLockoutEndDateAsync(user, null);
                await users.ResetAccessFailedCountAsync(user);
                TemporaryPassword = password;
                Message = $"已重置 {user.UserName} 的密码";
            }

            await audit.RecordAsync("user.reset_password", user.UserName, reset.Succeeded ? AuditTrail.Succeeded : AuditTrail.Failed);
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostUnlockAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is not null)
        {
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
            Message = $"已解锁 {user.UserName}";
            await audit.RecordAsync("user.unlock", user.UserName, AuditTrail.Succeeded);
        }

        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var now = clock.GetUtcNow();
        foreach (var user in await users.Users.OrderBy(u => u.UserName).Take(500).ToListAsync())
        {
            Users.Add(new Row(user, await users.GetRolesAsync(user), user.LockoutEnd is { } end && end > now));
        }
    }
}
