using System.Globalization;
using MiniExcelLibs;
using NonTax.Grains.Abstractions.Notices;

namespace NonTax.Frontend.Notices;

/// <summary>
/// The batch import spreadsheets (.xlsx): one notice per row under a header row of Chinese column
/// names, in one of two layouts — the general one, and the education one (教育收费) with the
/// student's name and ID, student number, grade and class, and the parent's name and mobile, which
/// the payer page and the 2698 education query find the notice by. The header decides the layout.
/// Reading gives one <see cref="NoticeImportRow"/> per non-empty row with its spreadsheet row
/// number, so the report can point at the row a clerk has to fix. A file is checked as a package
/// before a cell is read (<see cref="SpreadsheetPackageCheck"/>): no formulas, no oversized parts.
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

    public const string StudentName = "学生姓名";
    public const string StudentId = "学生身份证号";
    public const string StudentNumber = "学号";
    public const string GradeAndClass = "年级班级";
    public const string ParentName = "家长姓名";
    public const string ParentMobile = "家长手机号";

    public static IReadOnlyList<string> Columns { get; } = [PayerName, CreditCode, Mobile, ItemCode, Amount, Quantity, Memo];

    public static IReadOnlyList<string> EducationColumns { get; } = [StudentName, StudentId, StudentNumber, GradeAndClass, ParentName, ParentMobile, ItemCode, Amount, Memo];

    /// <summary>Most rows one upload may carry; a larger file is refused whole before anything is issued.</summary>
    public const int MaxRows = 5000;

    /// <summary>A school's batch is at most 500 students (docs/user-guide.md "批量导入").</summary>
    public const int MaxEducationRows = 500;

    /// <summary>The downloadable general template: the header and one example row.</summary>
    public byte[] Template() => Workbook("缴款通知书",
        new Dictionary<string, object?>
        {
            [PayerName] = "张三",
            [CreditCode] = "320682201001011234",
            [Mobile] = "13800000000",
            [ItemCode] = "103043211",
            [Amount] = "80.00",
            [Quantity] = "1",
            [Memo] = "不动产登记",
        });

    /// <summary>The downloadable education template: the header and one example student.</summary>
    public byte[] EducationTemplate() => Workbook("学生缴费",
        new Dictionary<string, object?>
        {
            [StudentName] = "李小明",
            [StudentId] = "320682201501011234",
            [StudentNumber] = "20260101",
            [GradeAndClass] = "五年级3班",
            [ParentName] = "李强",
            [ParentMobile] = "13800000000",
            [ItemCode] = "103050101",
            [Amount] = "2500.00",
            [Memo] = "2026年秋季学期学费",
        });

    private static byte[] Workbook(string sheet, Dictionary<string, object?> example)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(new[] { example }, sheetName: sheet);
        return stream.ToArray();
    }

    /// <summary>Reads the rows; throws <see cref="InvalidDataException"/> when the file is not a template-shaped .xlsx.</summary>
    public IReadOnlyList<(int Row, NoticeImportRow Values)> Read(Stream xlsx)
    {
        SpreadsheetPackageCheck.ThrowIfUnsafe(xlsx);
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

        var education = rows.Count > 0 && rows[0].ContainsKey(StudentName);
        var columns = education ? EducationColumns : Columns;
        var limit = education ? MaxEducationRows : MaxRows;
        if (rows.Count(r => !IsBlank(r, columns)) > limit)
        {
            throw new InvalidDataException($"more than {limit} rows");
        }

        var required = education ? [StudentName, StudentId, ParentMobile, ItemCode, Amount] : Columns.Take(5);
        if (rows.Count > 0 && !required.All(rows[0].ContainsKey))
        {
            throw new InvalidDataException($"the header row must name the columns {string.Join("、", columns)}");
        }

        var result = new List<(int, NoticeImportRow)>();
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            if (IsBlank(r, columns))
            {
                continue;
            }

            // Row 1 is the header, so the first data row is spreadsheet row 2.
            result.Add((i + 2, education ? EducationRow(r) : new NoticeImportRow(
                Cell(r, PayerName), Cell(r, CreditCode), Cell(r, Mobile), Cell(r, ItemCode), Cell(r, Amount), Cell(r, Quantity), Cell(r, Memo))));
        }

        return result;
    }

    /// <summary>
    /// The student pays (payer name and ID are the student's, as the 2698 query finds them); the
    /// parent's mobile is where the notice and later the e-bill are sent. Student number, grade and
    /// class and the parent's name have no field of their own on a notice, so they lead the memo,
    /// which the unit sees on the notice and its print view.
    /// </summary>
    private static NoticeImportRow EducationRow(IDictionary<string, object?> r)
    {
        var parts = new[]
        {
            Cell(r, StudentNumber) is { Length: > 0 } number ? $"学号{number.Trim()}" : null,
            Cell(r, GradeAndClass)?.Trim(),
            Cell(r, ParentName) is { Length: > 0 } parent ? $"家长{parent.Trim()}" : null,
            Cell(r, Memo)?.Trim(),
        };
        var memo = string.Join(" ", parts.Where(p => !string.IsNullOrEmpty(p)));
        return new NoticeImportRow(Cell(r, StudentName), Cell(r, StudentId), Cell(r, ParentMobile), Cell(r, ItemCode), Cell(r, Amount), "1",
            memo.Length == 0 ? null : memo);
    }

    private static bool IsBlank(IDictionary<string, object?> row, IReadOnlyList<string> columns) =>
        columns.All(c => string.IsNullOrWhiteSpace(Cell(row, c)));

    private static string? Cell(IDictionary<string, object?> row, string column) =>
        row.TryGetValue(column, out var value) && value is not null
            ? Convert.ToString(value, CultureInfo.InvariantCulture)
            : null;
}
