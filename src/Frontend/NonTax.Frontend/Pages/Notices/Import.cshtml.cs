using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NonTax.Frontend.Notices;
using NonTax.Frontend.Rights;

namespace NonTax.Frontend.Pages.Notices;

/// <summary>Batch import from a spreadsheet: the template to download, and a row-by-row report of an upload.</summary>
[Authorize(Policy = Permission.NoticesImport)]
[RequestSizeLimit(MaxUploadBytes)]
public sealed class ImportModel(NoticeImporter importer, NoticeImportTemplate template) : PageModel
{
    public const int MaxUploadBytes = 10 * 1024 * 1024;

    [BindProperty] public string? UnitCode { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }

    public bool IsUnitUser => UserScope.Of(User).IsUnitUser;
    public string? Error { get; private set; }
    public IReadOnlyList<ImportRowReport>? Report { get; private set; }

    public void OnGet()
    {
    }

    public FileResult OnGetTemplate() =>
        File(template.Template(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "缴款通知书导入模板.xlsx");

    public FileResult OnGetEducationTemplate() =>
        File(template.EducationTemplate(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "教育收费导入模板.xlsx");

    public async Task<IActionResult> OnPostAsync()
    {
        var unit = UserScope.Of(User).UnitCode ?? UnitCode?.Trim();
        if (string.IsNullOrEmpty(unit))
        {
            Error = "请填写执收单位编码 (unit code required)";
            return Page();
        }

        if (Upload is null || Upload.Length == 0)
        {
            Error = "请选择 .xlsx 文件 (choose an .xlsx file)";
            return Page();
        }

        try
        {
            await using var stream = new MemoryStream();
            await Upload.CopyToAsync(stream);
            stream.Position = 0;
            Report = await importer.ImportAsync(User, unit, stream);
        }
        catch (InvalidDataException e)
        {
            // The file as a whole is unusable: nothing was issued.
            Error = $"文件无法导入，未开具任何通知书 (nothing imported): {e.Message}";
        }

        return Page();
    }
}
