using System.Diagnostics;
using System.Globalization;
using ClosedXML.Excel;

namespace AfterSales.Tests.Features.Penalties;

/// <summary>An entry as a statement file shows it: its place in the chain and its amount in fen.</summary>
public sealed record FileEntry(long Sequence, long AmountFen);

/// <summary>What the statement workbook says, read back with ClosedXML.</summary>
public sealed record WorkbookStatement(
    List<FileEntry> Entries,
    long NetFen,
    string NetInCapitals,
    string Chain,
    string AmountFormat,
    List<string> Evidence
)
{
    public static WorkbookStatement Read(byte[] xlsx)
    {
        using var book = new XLWorkbook(new MemoryStream(xlsx));
        var sheet = book.Worksheet("明细");
        var rows = sheet.RowsUsed().ToList();
        string Text(IXLRow r, int c) => r.Cell(c).GetString().Trim();
        var chain = rows.First(r => Text(r, 1) == "哈希链校验");
        var header = rows.First(r => Text(r, 1) == "序号");
        var entries = new List<FileEntry>();
        var amountFormat = "";
        for (var n = header.RowNumber() + 1; sheet.Cell(n, 1).GetString().Length > 0; n++)
        {
            entries.Add(new(sheet.Cell(n, 1).GetValue<long>(), Fen(sheet.Cell(n, 10).GetValue<decimal>())));
            amountFormat = sheet.Cell(n, 10).Style.NumberFormat.Format;
        }
        var net = rows.First(r => Text(r, 2) == "应付净额");
        var capitals = rows.First(r => Text(r, 2) == "大写金额");
        var evidence = book.Worksheet("证据")
            .RowsUsed()
            .Skip(1)
            .Select(r => $"{r.Cell(1).GetString()}|{r.Cell(3).GetString()}|{r.Cell(4).GetString()}")
            .ToList();
        return new(entries, Fen(net.Cell(10).GetValue<decimal>()), Text(capitals, 3), Text(chain, 2), amountFormat, evidence);
    }

    static long Fen(decimal yuan) => (long)(yuan * 100m);
}

/// <summary>What the statement PDF says, read back with pdftotext (poppler-utils) in layout mode.</summary>
public sealed record PdfStatement(string Text, int Pages)
{
    public static PdfStatement Read(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"statement-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            var text = Run("pdftotext", "-layout", "-enc", "UTF-8", path, "-");
            var info = Run("pdfinfo", path);
            var pages = int.Parse(
                info.Split('\n').First(l => l.StartsWith("Pages:", StringComparison.Ordinal))[6..].Trim(),
                CultureInfo.InvariantCulture
            );
            return new(text, pages);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The lines of the entries table: a sequence number first, the amount last.</summary>
    public bool HasEntryLine(long sequence, string amount) =>
        Text.Split('\n')
            .Select(l => l.Trim())
            .Any(l =>
                l.StartsWith(sequence.ToString(CultureInfo.InvariantCulture) + " ", StringComparison.Ordinal)
                && l.EndsWith(amount, StringComparison.Ordinal)
            );

    /// <summary>The text with its layout spaces removed, for phrases that may be spread across columns.</summary>
    public string Compact => string.Concat(Text.Where(c => !char.IsWhiteSpace(c)));

    static string Run(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
            start.ArgumentList.Add(a);
        using var p = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start (apt-get install poppler-utils)");
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
            throw new InvalidOperationException($"{tool} failed: {p.StandardError.ReadToEnd()}");
        return output;
    }
}
