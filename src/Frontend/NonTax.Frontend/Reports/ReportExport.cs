using System.Globalization;
using MiniExcelLibs;

namespace NonTax.Frontend.Reports;

/// <summary>
/// A report as a spreadsheet (.xlsx): sheet 1 every row with typed numbers and dates under the
/// column titles in the user's language, sheet 2 what it was run for, when and by whom. Written
/// to a temporary file first (the spreadsheet writer is synchronous; the response is not), then
/// streamed out.
/// </summary>
public sealed class ReportExport(ReportRunner runner, TimeProvider clock)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public async Task<Stream> WriteAsync(ReportDefinition report, ReportFilter filter, Func<string, string> localize, string requestedBy,
        CancellationToken cancellationToken = default)
    {
        var titles = report.Columns.Select(c => localize(c.Title)).ToArray();
        var rows = runner.RowsAsync(report, filter, ReportRunner.MaxExportRows, cancellationToken).ToBlockingEnumerable(cancellationToken)
            .Select(row =>
            {
                var line = new Dictionary<string, object?>(titles.Length, StringComparer.Ordinal);
                for (var i = 0; i < titles.Length; i++)
                {
                    line[titles[i]] = row[i] is DateOnly day ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : row[i];
                }

                return line;
            });
        var conditions = new[]
        {
            new Dictionary<string, object?> { [localize("项目")] = localize("报表"), [localize("值")] = localize(report.Title) },
            new Dictionary<string, object?> { [localize("项目")] = localize("起始日期"), [localize("值")] = report.UsesDates ? filter.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "" },
            new Dictionary<string, object?> { [localize("项目")] = localize("截止日期"), [localize("值")] = report.UsesDates ? filter.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "" },
            new Dictionary<string, object?> { [localize("项目")] = localize("单位"), [localize("值")] = filter.UnitCode ?? localize("全部") },
            new Dictionary<string, object?> { [localize("项目")] = localize("银行"), [localize("值")] = filter.BankNode ?? localize("全部") },
            new Dictionary<string, object?> { [localize("项目")] = localize("导出时间"), [localize("值")] = clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) },
            new Dictionary<string, object?> { [localize("项目")] = localize("导出人"), [localize("值")] = requestedBy },
        };
        var sheets = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [SheetName(localize(report.Title))] = rows,
            [SheetName(localize("查询条件"))] = conditions,
        };

        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            await Task.Run(() => file.SaveAs(sheets, excelType: ExcelType.XLSX), cancellationToken);
            file.Position = 0;
            return file;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    /// <summary>Sheet names are at most 31 characters and cannot hold <c>[]:*?/\</c>.</summary>
    private static string SheetName(string title)
    {
        var clean = new string(title.Select(c => "[]:*?/\\".Contains(c, StringComparison.Ordinal) ? '_' : c).ToArray());
        return clean.Length <= 31 ? clean : clean[..31];
    }

    public static string FileName(ReportDefinition report, ReportFilter filter) =>
        report.UsesDates
            ? $"{report.Name}-{filter.From:yyyyMMdd}-{filter.To:yyyyMMdd}.xlsx"
            : $"{report.Name}.xlsx";
}
