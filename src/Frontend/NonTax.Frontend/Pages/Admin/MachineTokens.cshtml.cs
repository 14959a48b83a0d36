using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NonTax.Frontend.MachineTokens;
using NonTax.Frontend.Rights;

namespace NonTax.Frontend.Pages.Admin;

/// <summary>
/// Machine tokens (机器令牌) for automation: list, mint with rights the signed-in user holds
/// (the secret shown once on the answer page), revoke.
/// </summary>
[Authorize(Policy = Permission.MachineTokensManage)]
public sealed class MachineTokensModel(MachineTokenDesk desk) : PageModel
{
    [BindProperty] public string NewName { get; set; } = "";
    [BindProperty] public string NewPurpose { get; set; } = "";
    [BindProperty] public List<string> NewPermissions { get; set; } = [];
    [BindProperty] public string? NewUnitCode { get; set; }
    [BindProperty] public int NewDays { get; set; } = MachineTokenDesk.DefaultDays;

    public IReadOnlyList<MachineTokenView> Tokens { get; private set; } = [];
    public IReadOnlyList<string> Grantable { get; private set; } = [];
    public string? Error { get; private set; }
    public string? Message { get; private set; }
    public string? Secret { get; private set; }

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync()
    {
        var issue = await desk.CreateAsync(User, new MachineTokenRequest(NewName, NewPurpose, NewPermissions, NewUnitCode, NewDays), HttpContext.RequestAborted);
        if (issue.Token is { } token)
        {
            Secret = issue.Secret;
            Message = token.Name;
        }
        else
        {
            Error = issue.Error;
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(string name)
    {
        if (await desk.RevokeAsync(User, name, HttpContext.RequestAborted))
        {
            Message = name;
        }
        else
        {
            Error = name;
        }

        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Tokens = await desk.ListAsync(HttpContext.RequestAborted);
        Grantable = MachineTokenDesk.GrantableBy(User);
    }
}
