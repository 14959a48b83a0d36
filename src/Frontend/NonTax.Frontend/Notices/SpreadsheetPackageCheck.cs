using System.IO.Compression;
using System.Xml;

namespace NonTax.Frontend.Notices;

/// <summary>
/// Checks an uploaded .xlsx as a package before any cell is read: it must be a zip of at most
/// <see cref="MaxEntries"/> parts and <see cref="MaxUncompressedBytes"/> unpacked (a small file
/// that unpacks to gigabytes is refused, not unpacked), and no worksheet may hold a formula — an
/// import takes values typed by a clerk, and a formula's cached value is whatever the last program
/// to save the file computed, or nothing. Refusals are <see cref="InvalidDataException"/>s naming
/// the reason; the stream is left at its start.
/// </summary>
public static class SpreadsheetPackageCheck
{
    public const long MaxUncompressedBytes = 64L * 1024 * 1024;
    public const int MaxEntries = 200;

    public static void ThrowIfUnsafe(Stream xlsx)
    {
        var start = xlsx.Position;
        try
        {
            using var zip = new ZipArchive(xlsx, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > MaxEntries)
            {
                throw new InvalidDataException($"the file has {zip.Entries.Count} parts, more than a spreadsheet needs");
            }

            long declared = 0;
            foreach (var entry in zip.Entries)
            {
                declared += entry.Length;
                if (declared > MaxUncompressedBytes)
                {
                    throw new InvalidDataException($"the file unpacks to more than {MaxUncompressedBytes / (1024 * 1024)} MB");
                }
            }

            foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase)))
            {
                if (HoldsFormula(entry))
                {
                    throw new InvalidDataException($"formulas are not accepted ({entry.FullName}); paste the values instead");
                }
            }
        }
        catch (InvalidDataException)
        {
            throw;
        }
        catch (Exception e) when (e is IOException or NotSupportedException)
        {
            throw new InvalidDataException("not a readable .xlsx file", e);
        }
        finally
        {
            xlsx.Position = start;
        }
    }

    /// <summary>
    /// Reads the sheet XML as XML (any namespace prefix, no DTD) and looks for a formula element
    /// (<c>f</c> in the spreadsheet namespace), reading at most <see cref="MaxUncompressedBytes"/>
    /// whatever the part claims its size is.
    /// </summary>
    private static bool HoldsFormula(ZipArchiveEntry entry)
    {
        using var part = new BoundedReadStream(entry.Open(), MaxUncompressedBytes);
        using var reader = XmlReader.Create(part, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true });
        try
        {
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "f" && reader.NamespaceURI == SpreadsheetNamespace)
                {
                    return true;
                }
            }
        }
        catch (XmlException e)
        {
            throw new InvalidDataException($"a worksheet is not well-formed XML ({entry.FullName})", e);
        }

        return false;
    }

    private const string SpreadsheetNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>Refuses to read past a limit, so a part that lies about its size cannot make us unpack it all.</summary>
    private sealed class BoundedReadStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            _read += read;
            return _read > limit
                ? throw new InvalidDataException($"the file unpacks to more than {limit / (1024 * 1024)} MB")
                : read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
