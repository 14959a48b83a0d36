using System.Security.Claims;
using NonTax.Grains.Abstractions.Notices;

namespace NonTax.Frontend.Notices;

/// <summary>
/// Batch import: rows that do not make a valid draft are reported and never sent; the others are
/// issued in chunks (each row all-or-nothing in the grains), so a bad row never stops good ones.
/// The optional progress hears the share of rows done after each chunk.
/// </summary>
public sealed class NoticeImporter(NoticeDesk desk, NoticeImportTemplate template)
{
    public const int ChunkSize = 50;

    public async Task<IReadOnlyList<ImportRowReport>> ImportAsync(ClaimsPrincipal user, string unitCode, Stream xlsx, IProgress<double>? progress = null)
    {
        var rows = template.Read(xlsx);
        var reports = new ImportRowReport?[rows.Count];
        var good = new List<(int Index, NoticeDraft Draft)>();
        for (var i = 0; i < rows.Count; i++)
        {
            var (row, values) = rows[i];
            if (values.TryToDraft(user.Identity?.Name ?? "", out var draft, out var error))
            {
                good.Add((i, draft!));
            }
            else
            {
                reports[i] = new ImportRowReport(row, values.PayerName, false, null, null, $"{ColumnOf(error)}: 缺失或格式错误 (missing or malformed)");
            }
        }

        var done = rows.Count - good.Count;
        foreach (var chunk in good.Chunk(ChunkSize))
        {
            var outcome = await desk.IssueBatchAsync(user, unitCode, chunk.Select(c => c.Draft).ToArray());
            for (var j = 0; j < chunk.Length; j++)
            {
                var (index, draft) = chunk[j];
                var result = outcome.Rows[j];
                reports[index] = new ImportRowReport(rows[index].Row, draft.Payer.Name, result.Succeeded, result.PayCode, result.CheckCode,
                    result.Succeeded ? null : $"{result.ResultCode} {result.Information}".Trim());
            }

            done += chunk.Length;
            progress?.Report(rows.Count == 0 ? 1 : (double)done / rows.Count);
        }

        return reports.Select(r => r!).ToArray();
    }

    private static string ColumnOf(string? field) => field switch
    {
        nameof(NoticeImportRow.PayerName) => NoticeImportTemplate.PayerName,
        nameof(NoticeImportRow.ItemCode) => NoticeImportTemplate.ItemCode,
        nameof(NoticeImportRow.Amount) => NoticeImportTemplate.Amount,
        nameof(NoticeImportRow.Quantity) => NoticeImportTemplate.Quantity,
        _ => field ?? "?",
    };
}
