using System.IO.Compression;
using System.Text;
using MiniExcelLibs;
using NonTax.Frontend.Notices;

namespace NonTax.Frontend.Tests;

/// <summary>
/// The import's reading of a spreadsheet, without a system: the two layouts, and hostile files
/// (formulas, a package that unpacks to far more than it weighs, not a spreadsheet at all, too many
/// students) refused whole with a reason before any row is read.
/// </summary>
public sealed class ImportSpreadsheetTests
{
    private readonly NoticeImportTemplate _template = new();

    [Fact]
    public void The_education_layout_makes_the_student_the_payer_and_texts_the_parent()
    {
        using var file = Workbook(
            Student("李小明", "320682201501011234", "20260101", "五年级3班", "李强", "13800000001", "2500.00"),
            Student("", "", "", "", "", "", ""),
            Student("王芳", "320682201502021234", "", "", "", "13800000002", "1200.50"));

        var rows = _template.Read(file);

        Assert.Equal([2, 4], rows.Select(r => r.Row));
        var first = rows[0].Values;
        Assert.Equal("李小明", first.PayerName);
        Assert.Equal("320682201501011234", first.PayerCreditCode);
        Assert.Equal("13800000001", first.MobilePhone);
        Assert.Equal("2500.00", first.Amount);
        Assert.Equal("学号20260101 五年级3班 家长李强 秋季学费", first.Memo);
        Assert.Equal("秋季学费", rows[1].Values.Memo);
        Assert.True(first.TryToDraft("clerk", out var draft, out _));
        Assert.Equal("13800000001", draft!.Payer.MobilePhone);
    }

    [Fact]
    public void A_school_batch_of_more_than_500_students_is_refused_whole()
    {
        using var file = Workbook(Enumerable.Range(0, NoticeImportTemplate.MaxEducationRows + 1)
            .Select(i => Student($"学生{i}", "", "", "", "", "13800000000", "10.00")).ToArray());

        var refusal = Assert.Throws<InvalidDataException>(() => _template.Read(file));
        Assert.Contains("500", refusal.Message);
    }

    [Fact]
    public void A_formula_anywhere_in_a_sheet_refuses_the_file()
    {
        using var plain = Workbook(Student("李小明", "", "", "", "", "13800000001", 80.00m));
        using var withFormula = Rewrite(plain, "xl/worksheets/sheet1.xml", xml =>
        {
            // The amount cell (H2) computed by a formula, written as a spreadsheet program writes one,
            // with the sheet's own namespace prefix.
            var cell = System.Text.RegularExpressions.Regex.Match(xml, "<(\\w+:)?c r=\"H2\"[^>]*>");
            Assert.True(cell.Success, xml);
            return xml.Insert(cell.Index + cell.Length, $"<{cell.Groups[1].Value}f>1000*10</{cell.Groups[1].Value}f>");
        });

        var refusal = Assert.Throws<InvalidDataException>(() => _template.Read(withFormula));
        Assert.Contains("formulas", refusal.Message);
        Assert.Single(_template.Read(plain));
    }

    [Fact]
    public void A_small_file_that_unpacks_to_more_than_64_MB_is_refused_without_unpacking_it()
    {
        using var plain = Workbook(Student("李小明", "", "", "", "", "13800000001", "80.00"));
        using var bomb = new MemoryStream();
        plain.CopyTo(bomb);
        using (var zip = new ZipArchive(bomb, ZipArchiveMode.Update, leaveOpen: true))
        {
            using var padding = zip.CreateEntry("xl/media/padding.bin", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 70; i++)
            {
                padding.Write(zeros);
            }
        }

        Assert.True(bomb.Length < 1024 * 1024, $"the file itself is small ({bomb.Length} bytes)");
        bomb.Position = 0;
        var refusal = Assert.Throws<InvalidDataException>(() => _template.Read(bomb));
        Assert.Contains("64 MB", refusal.Message);
    }

    [Theory]
    [InlineData("not a spreadsheet at all")]
    [InlineData("PK\u0003\u0004 truncated zip")]
    public void Bytes_that_are_not_a_spreadsheet_are_refused(string content)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(content));
        Assert.Throws<InvalidDataException>(() => _template.Read(stream));
    }

    private static Dictionary<string, object?> Student(string name, string id, string number, string grade, string parent, string mobile, object amount) => new()
    {
        [NoticeImportTemplate.StudentName] = name,
        [NoticeImportTemplate.StudentId] = id,
        [NoticeImportTemplate.StudentNumber] = number,
        [NoticeImportTemplate.GradeAndClass] = grade,
        [NoticeImportTemplate.ParentName] = parent,
        [NoticeImportTemplate.ParentMobile] = mobile,
        [NoticeImportTemplate.ItemCode] = name.Length == 0 ? "" : "103050101",
        [NoticeImportTemplate.Amount] = amount,
        [NoticeImportTemplate.Memo] = name.Length == 0 ? "" : "秋季学费",
    };

    private static MemoryStream Workbook(params Dictionary<string, object?>[] rows)
    {
        var stream = new MemoryStream();
        stream.SaveAs(rows, sheetName: "学生缴费");
        stream.Position = 0;
        return stream;
    }

    private static MemoryStream Rewrite(Stream xlsx, string part, Func<string, string> change)
    {
        var copy = new MemoryStream();
        xlsx.Position = 0;
        xlsx.CopyTo(copy);
        xlsx.Position = 0;
        using (var zip = new ZipArchive(copy, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry(part)!;
            string xml;
            using (var reader = new StreamReader(entry.Open()))
            {
                xml = reader.ReadToEnd();
            }

            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry(part).Open());
            writer.Write(change(xml));
        }

        copy.Position = 0;
        return copy;
    }
}
