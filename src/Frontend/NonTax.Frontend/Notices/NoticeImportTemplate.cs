using System.Globalization;
using MiniExcelLibs;
using NonTax.Grains.Abstractions.Notices;

namespace NonTax.Frontend.Notices;

/// <summary>
/// The batch import spreadsheet (.xlsx): one notice per row under a header row of Chinese column
/// names. Reading gives one <see cref="NoticeImportRow"/> per non-empty row with its spreadsheet
/// row number, so the report can point at the row a clerk has to fix.
/// </summary>
public sealed class NoticeImportTemplate
{
    public const string PayerName = "缴款人姓名";
    public const string CreditCode = "证件号码";
    public const string Mobile = "手机号码";
    public const string ItemCode = "收费项目编码";
    public const string Amount = "金额";
    public const string Quantity = "数量";
    public const string Memo = "备注";

    public static IReadOnlyList<string> Columns { get; } = [PayerName, CreditCode, Mobile, ItemCode, Amount, Quantity, Memo];

    /// <summary>Most rows one upload may carry; a larger file is refused whole before anything is issued.</summary>
    public const int MaxRows = 5000;

    /// <summary>The downloadable template: the header and one example row of the sandbox's education item.</summary>
    public byte[] Template()
    {
        var rows = new[]
        {
            new Dictionary<string, object?>
            {
                [PayerName] = "张三", [CreditCode] = "320682201001011234", [Mobile] = "13800000000",
                [ItemCode] = "103050101", [Amount] = "2500.00", [Quantity] = "1", [Memo] = "2026年秋季学期学费",
            },
        };
        using var stream = new MemoryStream();
        stream.SaveAs(rows, sheetName: "缴款通知书");
        return stream.ToArray();
    }

    /// <summary>Reads the rows; throws <see cref="InvalidDataException"/> when the file is not a template-shaped .xlsx.</summary>
    public IReadOnlyList<(int Row, NoticeImportRow Values)> Read(Stream xlsx)
    {
        List<IDictionary<string, object?>> rows;
        try
        {
            rows = xlsx.Query(useHeaderRow: true, excelType: ExcelType.XLSX)
                .Select(r => (IDictionary<string, object?>)r)
                .Take(MaxRows + 1)
                .ToList();
        }
        catch (Exception e) when (e is not InvalidDataException)
        {
            throw new InvalidDataException("not a readable .xlsx file", e);
        }

        if (rows.Count > MaxRows)
        {
            throw new InvalidDataException($"more than {MaxRows} rows");
        }

        if (rows.Count > 0 && !Columns.Take(5).All(rows[0].ContainsKey))
        {
            throw new InvalidDataException($"the header row must name the columns {string.Join("、", Columns)}");
        }

        var result = new List<(int, NoticeImportRow)>();
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            if (Columns.All(c => string.IsNullOrWhiteSpace(Cell(r, c))))
            {
                continue;
            }

            // Row 1 is the header, so the first data row is spreadsheet row 2.
            result.Add((i + 2, new NoticeImportRow(Cell(r, PayerName), Cell(r, CreditCode), Cell(r, Mobile), Cell(r, ItemCode), Cell(r, Amount), Cell(r, Quantity), Cell(r, Memo))));
        }

        return result;
    }

    private static string? Cell(IDictionary<string, object?> row, string column) =>
        row.TryGetValue(column, out var value) && value is not null
            ? Convert.ToString(value, CultureInfo.InvariantCulture)
            : null;
}
