using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Guanjia.Web.Tests.Documents;

/// <summary>A downloaded file with what its headers said.</summary>
internal sealed record Downloaded(byte[] Bytes, string ContentType, string FileName);

/// <summary>Reads the generated files back with the Open XML SDK, as rows of cell texts.</summary>
internal static class FileReader
{
    public static async Task<Downloaded> DownloadAsync(this HttpClient c, string url)
    {
        var res = await c.GetAsync(url);
        var bytes = await res.Content.ReadAsByteArrayAsync();
        Assert.True(res.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)res.StatusCode} {System.Text.Encoding.UTF8.GetString(bytes)}");
        var cd = res.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", cd.DispositionType);
        // RFC 5987: the Chinese name travels in filename*; HttpClient decodes it into FileNameStar.
        Assert.False(string.IsNullOrEmpty(cd.FileNameStar), $"no filename* in {cd}");
        return new Downloaded(bytes, res.Content.Headers.ContentType!.ToString(), cd.FileNameStar!);
    }

    /// <summary>Every row of every table in a .docx, each cell's paragraphs joined by newlines.</summary>
    public static List<List<string>> DocxRows(byte[] bytes)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        return doc.MainDocumentPart!.Document.Body!.Descendants<W.TableRow>()
            .Select(r => r.Elements<W.TableCell>().Select(c => string.Join('\n', c.Elements<W.Paragraph>().Select(p => p.InnerText))).ToList())
            .ToList();
    }

    /// <summary>The paragraphs outside tables (title, 填报单位, signature lines).</summary>
    public static List<string> DocxParagraphs(byte[] bytes)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        return doc.MainDocumentPart!.Document.Body!.Elements<W.Paragraph>().Select(p => p.InnerText).ToList();
    }

    /// <summary>The cell right of the first cell that reads exactly <paramref name="label"/>.</summary>
    public static string After(this List<List<string>> rows, string label, int skip = 0)
    {
        var hits = rows.SelectMany(r => r.Select((text, i) => (r, text, i))).Where(x => x.text == label).ToList();
        Assert.True(hits.Count > skip, $"no cell '{label}' in the document");
        var (row, _, at) = hits[skip];
        return row[at + 1];
    }

    /// <summary>The row whose first cell reads <paramref name="label"/>.</summary>
    public static List<string> Row(this List<List<string>> rows, string label) =>
        rows.FirstOrDefault(r => r.Count > 0 && r[0] == label) ?? throw new Xunit.Sdk.XunitException($"no row '{label}'");

    /// <summary>The sheets of a workbook as rows of cell texts (numbers as written), by sheet name.</summary>
    public static Dictionary<string, List<List<string>>> XlsxSheets(byte[] bytes)
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var wb = doc.WorkbookPart!;
        var shared = wb.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var result = new Dictionary<string, List<List<string>>>();
        foreach (var sheet in wb.Workbook.Sheets!.Elements<Sheet>())
        {
            var part = (WorksheetPart)wb.GetPartById(sheet.Id!);
            result[sheet.Name!] = part.Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c =>
                c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText
                : c.DataType?.Value == CellValues.SharedString ? shared[int.Parse(c.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)]
                : c.CellValue?.Text ?? "").ToList()).ToList();
        }
        return result;
    }
}
